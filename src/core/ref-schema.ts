/** The stored form of a conversation reference, checked when read back (jobs, applications). */
import { z } from 'zod';

export const conversationRefSchema = z.object({
  platform: z.enum(['shell', 'slack', 'matrix']),
  workspace: z.string().optional(),
  roomId: z.string(),
  userId: z.string().optional(),
  isDirect: z.boolean(),
  threadId: z.string().optional(),
});
