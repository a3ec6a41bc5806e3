/**
 * A request to change another answer, in plain words: « modifier la date », « je voudrais changer le format »,
 * « je me suis trompé de date », "the budget is wrong", a lone « modifier »: the words naming the step.
 */
import { normalize } from '../core/text.ts';

const EDIT_VERB =
  "(?:modifier|modif|changer|corriger|rectifier|revoir|reprendre|mettre a jour|revenir (?:sur|a)|retourner (?:sur|a)|retour (?:sur|a)|edit|change|correct|fix|update|amend|modify|alter|redo|rewrite|go back to|back to|return to|revisit|(?:(?:je|j'|on|nous)\\s*)?(?:modifie|modifions|change|changeons|corrige|corrigeons|rectifie|rectifions|revois|reprends|reprenons|mets a jour|reviens (?:sur|a)|revenons (?:sur|a)|retourne (?:sur|a)))";
/** « attendez, », "hang on,", « pardon, »: words before an edit that only stop the dialog. */
const EDIT_LEAD =
  '(?:(?:attendez|attends|wait|hang on|hold on|one sec|pardon|sorry|desolee?|euh|heu|oh|ah|ok|okay|bon|alors|oups|oops)[\\s,.!]+)*';
const EDIT = new RegExp(
  `^${EDIT_LEAD}(?:(?:je|j'|nous|on)\\s*(?:voudrais|veux|souhaite|souhaitons|aimerais|aimerions|voudrions|peux|pourrais|dois)\\s+|(?:est-ce que|est ce que)?\\s*(?:je peux|on peut|puis-je|peut-on|pouvons-nous|pourrait-on)\\s+|(?:(?:i|we)(?:'d| would)? )?(?:like to|want to|need to|have to)\\s+|(?:il )?(?:faut|faudrait|faudra) (?:que (?:je|j'|on|nous) )?(?:que je )?|(?:can|could|may) (?:i|we)\\s+|let me\\s+|please\\s+|merci de\\s+)?${EDIT_VERB}\\s+(?<what>.+?)[\\s?!.]*$`,
  'd',
);
const MISTAKE =
  /^(?:je me suis (?:trompee?|plantee?|gouree?)|on s'est (?:trompes?|plantes?)|nous nous sommes trompes|i made a mistake|i got|erreur|mistake) (?:sur|dans|de|on|in|with|pour|for|wrong) (?<what>.+?)[\s?!.]*$/d;
/** « wrong organisation name, let me fix it », « mauvaise date »: what is wrong, named first. */
const WRONG_FIRST =
  /^(?:(?:the|la|le|l')\s*)?(?:wrong|mauvaise?|incorrect|faux|fausse)\s+(?<what>[^,;.!?]+?)(?:\s*[,;.!]\s*(?:let me|i'?ll|je vais|je veux|je voudrais|to)?\s*(?:fix|correct|change|corriger|modifier|changer)\w*(?:\s+(?:it|that|ca|la|le))?)?[\s.!]*$/d;
const WRONG =
  /^(?<what>.+?) (?:n'est pas (?:bon|bonne|correct|correcte|juste)|est (?:faux|fausse|errone|erronee|incorrect|incorrecte)|(?:is|are) (?:wrong|incorrect|not right)|(?:was|were) wrong|(?:isn't|aren't) right|(?:ne )?sont pas (?:bons|bonnes|correct(?:e)?s|justes)|sont (?:faux|fausses|errone(?:e)?s|incorrect(?:e)?s))\b/d;

/**
 * « modifier la date », « je voudrais changer le format », « je reviens sur les thèmes », « je me suis trompé
 * de date », "the budget is wrong": the words naming the step (and maybe its new value, « je rectifie les
 * thèmes : inclusion »), as typed.
 */
export function editRequestIn(text: string): string | undefined {
  const typed = normalize(text);
  const found = (EDIT.exec(typed) ?? MISTAKE.exec(typed) ?? WRONG.exec(typed) ?? WRONG_FIRST.exec(typed))
    ?.indices?.groups?.what;
  if (!found) return undefined;
  // « ma réponse sur la première participation », "my answer about the date": the step is what follows.
  const answer =
    /^(?:(?:ma|la|notre|mon|my|the|our) )?(?:reponse|answer|choix|choice)s? (?:sur|a|au|pour|de|du|about|to|for|on|regarding) /.exec(
      typed.slice(found[0], found[1]),
    );
  const at: [number, number] = [found[0] + (answer?.[0].length ?? 0), found[1]];
  // The normalised text keeps the typed one's length once its spaces are single: the words as typed.
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length === typed.length ? flat.slice(at[0], at[1]) : typed.slice(at[0], at[1]);
}

const BARE_EDIT = new RegExp(`^${EDIT_VERB}[\\s?!.]*$`);

/** A lone edit verb (« modifier », "change"): the person is asked which answer. */
export function isBareEdit(text: string): boolean {
  return BARE_EDIT.test(normalize(text));
}
