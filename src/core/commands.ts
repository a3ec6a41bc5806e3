/** The command table: every command has French and English words, matched on what people type. */
import type { Lang, Localized } from './i18n.ts';
import { normalize } from './text.ts';
import type { Turn } from './turn.ts';

export interface Command {
  id: string;
  /** Words that call the command, per language, as typed without accents (`etat` matches `état`). */
  aliases: Record<Lang, string[]>;
  /** One line for `help`. */
  summary: Localized;
  /** Arguments shown in `help` (`<call-id>`), if any. */
  usage?: Localized;
  /** Only community managers may run it. */
  managerOnly?: boolean;
  /** While a dialog is active the dialog answers these words itself (help, status, cancel). */
  dialogScoped?: boolean;
  /**
   * Whether the words after the command are its arguments. When they are not (« bonjour, quand a lieu le
   * NEC ? »), the message is not this command and goes on down the pipeline (a question, a dialog answer).
   */
  accepts?(args: string): boolean;
  run(turn: Turn, args: string): Promise<void>;
}

export interface CommandMatch {
  command: Command;
  /** What follows the command words, as typed. */
  args: string;
  /** The language of the words used; none when both languages use them (`faq`, `console`). */
  lang: Lang | undefined;
  /** The whole message is the command words alone (a "lone command word"). */
  bare: boolean;
}

export class CommandRegistry {
  readonly #commands: Command[] = [];
  readonly #aliases: Array<{ words: string; count: number; lang: Lang | undefined; command: Command }> = [];

  add(...commands: Command[]): void {
    for (const command of commands) {
      if (this.#commands.some((c) => c.id === command.id))
        throw new Error(`duplicate command id: ${command.id}`);
      this.#commands.push(command);
      for (const lang of ['fr', 'en'] as const) {
        const other = command.aliases[lang === 'fr' ? 'en' : 'fr'].map(normalize);
        for (const alias of command.aliases[lang]) {
          const words = normalize(alias);
          const own = other.includes(words) ? undefined : lang;
          this.#aliases.push({ words, count: words.split(' ').length, lang: own, command });
        }
      }
    }
    // Longest words first, so `cancel reminder 3` beats `cancel`.
    this.#aliases.sort((a, b) => b.words.length - a.words.length);
  }

  list(): readonly Command[] {
    return this.#commands;
  }

  get(id: string): Command | undefined {
    return this.#commands.find((c) => c.id === id);
  }

  /** The command a text calls, if it starts with a command's words (a leading `/` or `!` is ignored). */
  match(text: string): CommandMatch | undefined {
    const typed = text.trim().replace(/^[/!]/, '');
    // French typography puts a space before « ? » (« où en suis-je ? »): the sign alone is no argument.
    const normalized = normalize(typed).replace(/[\s?!.…]+$/, '');
    for (const alias of this.#aliases) {
      if (normalized === alias.words || normalized.startsWith(`${alias.words} `)) {
        const args = typed
          .split(/\s+/)
          .slice(alias.count)
          .join(' ')
          .replace(/^[\s?!.…]+$/, '')
          .trim();
        return { command: alias.command, args, lang: alias.lang, bare: args === '' };
      }
    }
    return undefined;
  }
}
