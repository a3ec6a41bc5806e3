/**
 * The words that say what a question asks for: the kinds of fact (ASKS) and, for each, its cue phrases on folded
 * words (no accents, lower case, apostrophes and hyphens as spaces). asks.ts reads a question with them; an
 * entry's `answers:` lists the same kinds.
 */

/** The kinds of fact a question can ask for. A question with none of them is matched on its subject alone. */
export const ASKS = [
  'date',
  'next',
  'deadline',
  'duration',
  'hours',
  'place',
  'address',
  'amount',
  'price',
  'contact',
  'email',
  'phone',
  'web',
  'name',
  'head',
  'role',
  'language',
  'counts',
  'scope',
  'who-may',
  'how',
  'figures',
  'winners',
] as const;
export type Ask = (typeof ASKS)[number];

/** Phrases separated by commas, as written below. */
const phrases = (list: string): string[] => list.split(',').map((p) => p.trim());

// Each phrase must be specific: a cue read where it is not meant turns an answerable question into a "the sources
// don't say". A `*` stands for one to four words (asks.ts); in ACTION_WORDS, a word ending in `*` is a prefix.
export const CUES: Record<Ask, string[]> = {
  date: phrases(
    'quand, when, date, dates, quel jour, quels jours, which day, which days, what day, calendrier, calendar, ' +
      'schedule, en quelle annee, what year, which year, depuis quand, since when, a quelle date, what date, ' +
      'quel mois, which month, what month',
  ),
  // The next occurrence: sources written in the past rarely hold it, and a past date does not answer it.
  next: phrases(
    'prochain, prochaine, prochains, prochaines, a venir, next, upcoming, coming up, future, nouvelle edition, ' +
      'another edition, autre edition, edition suivante, following edition, future edition, futures editions, ' +
      'will there be another, y aura t il une autre, y aura t il un autre',
  ),
  deadline: phrases(
    'date limite, dates limites, deadline, deadlines, jusqu a quand, avant quand, cloture, closing, close, closes, ' +
      'ferme, fermeture, delai, delais, dernier delai, au plus tard, at the latest, last day, encore ouvert, ' +
      'encore ouverte, still open, how long before, combien de temps avant, combien de mois avant, a l avance, ' +
      'in advance, ' +
      'how many months before, valable jusqu, valid until, too late, trop tard, date butoir, echeance, ' +
      'until when, by when, still time, encore temps, closing date, expire, expires, avant quelle date, ' +
      'before what date, by what date, by which date',
  ),
  // How long something takes or lasts (« combien de temps » is read in asks.ts).
  duration: phrases(
    'how long, how many days, how many weeks, how many months, dans quel delai, en combien de temps, duree, ' +
      'ca dure, ca prend combien, durer, peut durer, doit durer, last for, lasts',
  ),
  // The time of day (the sources give days, never hours).
  hours: phrases(
    'horaire, horaires, heure d ouverture, heures d ouverture, a quelle heure, quelle heure, what time, ' +
      'opening hours, opening times, opening time, open hours, hours of, at what time',
  ),
  place: phrases(
    'where, quel lieu, quels lieux, which venue, what venue, quelle ville, quelles villes, which city, ' +
      'which cities, what location, quel endroit, c est a, se deroule, take place, takes place, quel pays, ' +
      'which country, what country, in which city, what city, what place',
  ),
  address: phrases(
    'adresse, address, rue, street, code postal, postcode, postal code, zip code, adresse postale, siege social, ' +
      'headquarters, station de metro, metro station, nearest station, gare la plus proche',
  ),
  // A sum: granted, received, capped (« le montant de la subvention »), or asked without saying which (« c'est
  // combien ? », "costs", « payer »): a price answers it too.
  amount: phrases(
    'montant, montants, amount, euros, euro, how much, a hauteur de, combien d argent, combien finance, combien donne, ' +
      'combien rembourse, combien touche, finance combien, donne combien, rembourse combien, touche combien, ' +
      'verse combien, paie combien, paye combien, combien est paye, combien est payee, combien sont payes, ' +
      'how much is * paid, how much are * paid, combien par, prize money, plafond, cap, max, maximum, ' +
      'pourcentage, percentage, ceiling, plafonne, plafonnee, upper limit, percent, c est combien, ca fait combien, ' +
      'budget, budgets, cout, couts, coute, coutent, cost, costs, payer, pay, paying',
  ),
  // What one pays, or that it is free (« l'inscription est gratuite »): not a sum received.
  price: phrases(
    'prix, price, prices, tarif, tarifs, fee, fees, payant, payante, gratuit, gratuite, gratos, free of charge, ' +
      'for free, is it free, combien coute, combien ca coute, ca coute combien, cotisation, faut il payer, ' +
      'faut payer, doit payer, dois je payer, doit on payer, need to pay, have to pay, cost anything, ' +
      'costs anything, coute quelque chose, coute t il quelque chose, vendu combien, se vend combien, ' +
      'sold for, how much does * sell for',
  ),
  contact: phrases(
    'contact, contacts, contacter, contacte, je contacte, joindre, interlocuteur, referent, referente, ecrire a, ' +
      'a qui ecrire, write to, get in touch, reach out, reach you, reach them, reach someone, how to reach, how can i reach, how do i reach, how can we reach, how do we reach, a qui m adresser, a qui s adresser, a qui demander, ' +
      'who do i ask, who should i ask, who to ask, personne a contacter, ' +
      // Whom to put one's questions to (« à qui je pose mes questions ? », "who can answer my questions?").
      'a qui poser, a qui je pose, a qui puis je poser, a qui je peux poser, qui peut repondre, qui repond, ' +
      'who can answer, who answers, who do i talk to, who can i talk to',
  ),
  email: phrases('email, emails, e mail, mail, mails, courriel, adresse mail, adresse electronique'),
  phone: phrases(
    'telephone, tel, phone, numero de telephone, phone number, appeler, portable, telephoner, telephonique',
  ),
  // Not « lien » alone: « en lien avec » is "about".
  web: phrases(
    'url, site web, site internet, website, web site, le lien, un lien, lien vers, the link, a link, link to, ' +
      'page web, webpage',
  ),
  // Someone or something by name (« comment s'appelle le maire », "the name of the documentary").
  name: phrases(
    'comment s appelle, comment s appellent, quel est le nom, le nom du, le nom de, le nom des, nom du, ' +
      'name of, the name, whats the name, ' +
      // « qui est le maire ? », "who is the director?": the person holding a role (« qui est Romain Pierronnet ? »
      // asks who someone named is, and no name)
      'qui est le, qui est la, qui sont les, who is the, who s the, who was the, who are the',
  ),
  // Who heads or runs something.
  head: phrases(
    'qui dirige, who runs, who heads, who leads, who directs, qui preside, who chairs, qui est a la tete, ' +
      'head of, president, presidente, directeur, directrice, director, ' +
      // Done once, in the past (« qui a réalisé le film ? », "who ran the Dordogne NEC?"): whoever led it.
      'who directed, who ran, who organised, who organized, who led, qui a dirige, qui a realise, qui a organise, ' +
      'qui a anime, qui a mene, qui anime',
  ),
  role: phrases(
    'job title, quel poste, son poste, quel role, what role, quelle fonction, sa fonction, son titre, ' +
      'what position, her job, his job, son metier',
  ),
  // The language something is in or may be written in (« en anglais » asks it of something done: LANGUAGE_OF_ACTS).
  language: phrases(
    'en anglais, in english, en francais, in french, quelle langue, quelles langues, which language, ' +
      'what language, which languages, what languages, other languages, autres langues',
  ),
  // Whether something counts or is included (« ça compte les intervenants ? », « le repas est compris ? »): the
  // sources never say so case by case.
  counts: phrases(
    'ca compte, compte t il, comptent ils, comptent elles, est ce que ca compte, est compris, sont compris, ' +
      'est comprise, sont comprises, compris dans, inclus, incluse, inclus dans, pris en compte, prise en compte, ' +
      'does it count, do they count, count towards, count toward, counted, is included, are included, included in',
  ),
  // What a scheme funds or covers (« qu'est-ce que l'appel finance ? », "what does the grant cover?").
  scope: phrases(
    'what does * fund, what does * finance, what does * cover, what does * pay for, what is funded, ' +
      'what gets funded, what can be funded, what is covered, qu est ce que * finance, qu est ce que * couvre, ' +
      'qu est ce qui est finance, que finance, que couvre, ce qui est finance, quels projets, what projects, ' +
      'which projects, what kind of projects, quel type de projets, quels types de projets',
  ),
  'who-may': phrases(
    'qui peut, qui peuvent, qui a le droit, ai je le droit, j ai le droit, a le droit, who can, who may, ' +
      'who is eligible, eligible, eligibles, eligibilite, eligibility, ouvert a, ouverte a, open to, reserve a, ' +
      'reserved for, allowed to, peut repondre, peuvent repondre, peut candidater, peuvent candidater, ' +
      'peut postuler, can apply, may apply, can respond, peut participer, peuvent participer, ouvert au public, ' +
      'open to the public, grand public, can anyone attend, pour qui, who is it for, a qui s adresse, ' +
      'public cible, target audience, who can attend, who can take part, aimed at, intended for, meant for, ' +
      'destine a, destinee a, destines a, destinees a, ' +
      // « une SCOP peut-elle porter… ? », "can a private company host…?": whether one may, asked of someone
      'peut elle porter, peut il porter, peuvent ils porter, peut elle organiser, peut il organiser, ' +
      'can a * host, can an * host, can a * organise, can a * organize, can a * run, can a * be the lead, ' +
      'can an * organise, can an * organize, can an * run',
  ),
  how: phrases(
    'comment faire, comment je fais, comment on fait, comment s inscrire, comment candidater, comment postuler, ' +
      'comment deposer, comment demander, comment obtenir, comment devenir, comment adherer, comment rejoindre, ' +
      'how to, how do i, how do we, how can i, how can we, how should i, procedure, demarche, demarches, etapes, ' +
      'steps, marche a suivre, comment ca marche, ca marche comment, marche comment, fonctionne comment, ' +
      'comment ca fonctionne, how does it work, how does that work, formulaire, form, comment participer, ' +
      'comment m inscrire, comment on s inscrit, comment proceder, que dois je faire, que faut il faire, ' +
      'what do i need to do, what do we need to do, how does one, ' +
      'je m y prends comment, comment je m y prends, comment s y prendre, comment m y prendre, how do i go about',
  ),
  figures: phrases(
    'how many, combien de, combien d, nombre de, nombre d, number of, chiffres, chiffres cles, figures, key figures, statistiques, ' +
      'stats, how big, how large, sont combien, etaient combien, combien etaient',
  ),
  winners: phrases(
    'laureat, laureats, laureate, laureates, winner, winners, gagnant, gagnants, who won, won, remporte, ' +
      'qui a gagne, qui a remporte, palmares, projets retenus, selected projects, award winners, awarded, ' +
      'recompensee, recompensees, recompenses, labellisees, labellises, qui a obtenu, who got, who received, ' +
      'qui a eu',
  ),
};

// « combien de temps / de mois avant » is a deadline or a duration, « combien d'argent » an amount: not figures.
export const MONEY_WORDS = new Set(['argent', 'euros', 'euro']);
export const NOT_FIGURES = new Set(['temps', 'mois', 'jours', 'semaines', 'annees', 'ans', ...MONEY_WORDS]);
// « adresse mail » is an e-mail, "e-mail address" too: not a street address.
export const MAIL_WORDS = new Set(['mail', 'email', 'e', 'courriel', 'electronique', 'mails', 'emails']);
// "free" is a price only when nothing it qualifies follows (« is the Forum free? », "free to attend"): "free
// software" is the Territoire Numérique Libre label's subject.
export const FREE_PRICE_NEXT = new Set(['to', 'for', 'entry', 'admission', 'of', 'or']);
// A « budget prévisionnel » is a document of the application file, not a sum.
export const BUDGET_DOCUMENTS = new Set([
  'previsionnel',
  'previsionnels',
  'provisional',
  'forecast',
  'draft',
]);
// « où déposer », "where do I sign up": where to act, not a place.
export const ACTION_WORDS = phrases(
  'depos*, envo*, submit*, send*, sign*, inscri*, register*, lire, lis, read*, find*, trouv*, telecharg*, ' +
    'download*, formulaire, form, apply*, candidat*, postul*, demand*, adress*, publi*, upload*, post*, ' +
    'partag*, share*, mettre, put*, fill*, rempli*, complet*',
);

// « en anglais » asks a language of something done in it (« candidater en anglais »), not of a text's mention
// (« la page en anglais »).
export const LANGUAGE_OF_ACTS = new Set(phrases('en anglais, in english, en francais, in french'));
// Words of doing something in a language.
export const LANGUAGE_ACTS = phrases(
  'depos*, envo*, submit*, send*, writ*, ecri*, redig*, rempli*, fill*, apply*, candidat*, postul*, present*, ' +
    // An event held in a language (« la journée se déroule en anglais ? », "is the day held in English?").
    // (Not « parler »: « la page dont parle… en anglais » is a text's mention.)
    'pitch*, held, hold*, deroul*, tenu*, tien*',
);
// Cues of a price or a time that the word before them says of what, in English ("registration fee", "membership
// fee", "opening hours of"): the entry must speak of it.
export const QUALIFIED_CUES = new Set(
  phrases('fee, fees, price, prices, cost, costs, budget, budgets, cap, ceiling, hours'),
);

// Cues of a fact asked *of* something (« le numéro de téléphone de X », "how many X", « le prix du X »).
export const OF_WHAT = new Set(
  phrases(
    'how many, combien de, combien d, nombre de, nombre d, number of, telephone, tel, phone, phone number, numero de telephone, email, ' +
      'mail, e mail, courriel, adresse, address, prix, price, cout, cost, tarif, fee, montant, amount, ' +
      'c est combien, combien coute, combien coutent, combien ca coute, ca coute combien, ' +
      'comment s appelle, comment s appellent, le nom du, le nom de, le nom des, nom du, name of, the name, ' +
      'qui dirige, who runs, who heads, who leads, horaires, opening hours, url, website, site web, site internet, ' +
      'budget, budgets, job title, quel poste, quelle fonction, who directs, qui preside, who chairs, head of, ' +
      'president, presidente, directeur, directrice, director, qui est le, qui est la, qui sont les, ' +
      'who is the, who s the, who was the, who are the, who directed, who ran, who organised, who organized, ' +
      'who led, qui a dirige, qui a realise, qui a organise, qui a anime, qui a mene, qui anime',
  ),
);
// Small words between a cue and its object, and the words completing a title (« le directeur *général* de »).
export const OBJECT_SKIP = new Set(
  'de du des d la le l les un une au aux a en pour of the a an for to s is are was were general generale adjoint adjointe deputy'.split(
    ' ',
  ),
);

// Asking what something is.
export const DEFINITIONS = phrases(
  'c est quoi, c quoi, qu est ce que, qu est ce qu, ca veut dire quoi, what is, what s, whats, what are, wat is, ' +
    'explique, explain, ca ressemble a quoi, a quoi ca ressemble, what does it look like',
).map((phrase) => phrase.split(' '));
