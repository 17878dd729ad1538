import type { HolderKind } from "../generated/enums.ts";
import type { Family } from "./editions.ts";
import { ofPlace } from "./people.ts";

/** A kind of winning project, turned into a title and description for a given commune. */
export interface Idea {
  key: string;
  family: Family;
  /** "youth": only for youth projects; "both": either; "adult": never a youth project. */
  audience: "youth" | "both" | "adult";
  title: (place: string) => string;
  description: (place: string) => string;
  /** Usual cost range in euros (youth projects are capped at 30 000 € anyway). */
  euros: readonly [number, number];
  holders: readonly HolderKind[];
  /** Name of the association or collective when one carries the project. */
  group: (place: string) => string;
  /** Where it stands, for the inauguration address. */
  site: string;
  suppliers: readonly string[];
}

const SPORT_BUILDERS = ["Glisse Concept Sud-Ouest", "Sud Terrassement", "Équipements Sportifs Landais"];
const PLAYGROUNDS = ["Aquitaine Aires de Jeux", "Ludi-Landes Équipements", "Sud Terrassement"];
const WOODWORK = ["Menuiserie Lafargue", "Atelier Bois des Landes", "Charpentes Dulucq et Fils"];
const GARDEN = ["Pépinières de la Haute Lande", "Jardinerie du Marsan", "Paysages Lacoste"];
const BIKES = ["Cycles et Abris du Sud-Ouest", "Atelier Vélo Landais", "Quincaillerie Darrigade"];
const ART = ["Atelier Fresques & Couleurs", "Imprimerie Lesbats", "Quincaillerie Darrigade"];
const SOUND = ["Son et Lumière Adour", "Landes Numérique Services", "Électricité Castaing"];
const EQUIPMENT = ["Mobilier Collectif Aquitain", "Froid Commercial Landais", "Électricité Castaing"];

const idea = (i: Idea): Idea => i;

export const IDEAS: readonly Idea[] = [
  idea({
    key: "skatepark",
    family: "sport",
    audience: "both",
    euros: [24_000, 50_000],
    title: (p) => `Skatepark ${ofPlace(p)}`,
    description: (p) =>
      `Création d'un skatepark en béton (curb, quarter, plan incliné) à côté du complexe sportif ${ofPlace(p)}, dessiné avec les jeunes riders de la commune.`,
    holders: ["ASSOCIATION", "COLLECTIVE", "COMMUNE"],
    group: (p) => `Association ${p} Glisse`,
    site: "Complexe sportif",
    suppliers: SPORT_BUILDERS,
  }),
  idea({
    key: "pumptrack",
    family: "sport",
    audience: "both",
    euros: [25_000, 50_000],
    title: (p) => `Pumptrack ${ofPlace(p)}`,
    description: (p) =>
      `Piste de pumptrack en enrobé accessible aux vélos, trottinettes et skates, près de l'aire de loisirs ${ofPlace(p)}.`,
    holders: ["COMMUNE", "ASSOCIATION", "COLLECTIVE"],
    group: (p) => `Vélo Club ${p}`,
    site: "Aire de loisirs",
    suppliers: SPORT_BUILDERS,
  }),
  idea({
    key: "city-stade",
    family: "sport",
    audience: "both",
    euros: [28_000, 50_000],
    title: (p) => `City-stade ${ofPlace(p)}`,
    description: (p) =>
      `Terrain multisport clos (football, handball, basket) en libre accès au cœur du bourg ${ofPlace(p)}.`,
    holders: ["COMMUNE", "COLLECTIVE"],
    group: (p) => `Collectif des jeunes ${ofPlace(p)}`,
    site: "Place du city-stade",
    suppliers: SPORT_BUILDERS,
  }),
  idea({
    key: "aire-jeux-inclusive",
    family: "solidarity",
    audience: "both",
    euros: [20_000, 45_000],
    title: (p) => `Aire de jeux inclusive ${ofPlace(p)}`,
    description: (p) =>
      `Jeux accessibles aux enfants en situation de handicap (balançoire nid, tourniquet au sol, panneaux sensoriels) dans le parc municipal ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "COMMUNE", "PERSON"],
    group: (p) => `Association des parents d'élèves ${ofPlace(p)}`,
    site: "Parc municipal",
    suppliers: PLAYGROUNDS,
  }),
  idea({
    key: "street-workout",
    family: "sport",
    audience: "both",
    euros: [12_000, 30_000],
    title: (p) => `Parcours de street workout à ${p}`,
    description: (p) =>
      `Barres de traction, espaliers et bancs d'exercice en accès libre le long du parcours de promenade de ${p}.`,
    holders: ["COLLECTIVE", "ASSOCIATION", "PERSON"],
    group: (p) => `Collectif Street Workout ${p}`,
    site: "Parcours de promenade",
    suppliers: SPORT_BUILDERS,
  }),
  idea({
    key: "foyer-jeunes",
    family: "education",
    audience: "youth",
    euros: [8_000, 25_000],
    title: (p) => `Aménagement du foyer des jeunes ${ofPlace(p)}`,
    description: (p) =>
      `Mobilier, babyfoot, coin lecture et ordinateurs pour le foyer des jeunes ${ofPlace(p)}, choisis par les adolescents qui le fréquentent.`,
    holders: ["COLLECTIVE", "ASSOCIATION"],
    group: (p) => `Les ados du foyer ${ofPlace(p)}`,
    site: "Foyer des jeunes",
    suppliers: EQUIPMENT,
  }),
  idea({
    key: "studio-musique",
    family: "culture",
    audience: "youth",
    euros: [10_000, 28_000],
    title: (p) => `Studio de répétition musicale pour les jeunes ${ofPlace(p)}`,
    description: (p) =>
      `Insonorisation d'une salle et achat d'instruments et de matériel d'enregistrement pour les groupes de jeunes musiciens ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "COLLECTIVE"],
    group: (p) => `Les Jeunes Musiciens ${ofPlace(p)}`,
    site: "Maison des associations",
    suppliers: SOUND,
  }),
  idea({
    key: "fresque",
    family: "culture",
    audience: "both",
    euros: [5_000, 18_000],
    title: (p) => `Fresque participative du stade ${ofPlace(p)}`,
    description: (p) =>
      `Une fresque sur le mur des tribunes du stade ${ofPlace(p)}, conçue avec les écoliers et peinte avec un artiste landais.`,
    holders: ["COLLECTIVE", "ASSOCIATION", "COMMUNE"],
    group: (p) => `Classe de CM2 de l'école ${ofPlace(p)}`,
    site: "Stade municipal",
    suppliers: ART,
  }),
  idea({
    key: "ruches",
    family: "agriculture",
    audience: "both",
    euros: [4_000, 15_000],
    title: (p) => `Ruches pédagogiques à l'école ${ofPlace(p)}`,
    description: (p) =>
      `Un rucher pédagogique de six ruches, des combinaisons et un extracteur pour faire découvrir l'apiculture aux élèves ${ofPlace(p)}.`,
    holders: ["COLLECTIVE", "ASSOCIATION", "PERSON"],
    group: (p) => `Les Petites Abeilles ${ofPlace(p)}`,
    site: "École élémentaire",
    suppliers: ["Apiculture Gasconne", "Le Rucher du Born", "Quincaillerie Darrigade"],
  }),
  idea({
    key: "potager-college",
    family: "education",
    audience: "youth",
    euros: [5_000, 16_000],
    title: (p) => `Potager pédagogique du collège ${ofPlace(p)}`,
    description: (p) =>
      `Bacs surélevés, récupérateur d'eau de pluie et cabane à outils pour le club jardin du collège ${ofPlace(p)}.`,
    holders: ["COLLECTIVE", "ASSOCIATION"],
    group: (p) => `Club jardin du collège ${ofPlace(p)}`,
    site: "Collège",
    suppliers: GARDEN,
  }),
  idea({
    key: "classe-dehors",
    family: "education",
    audience: "both",
    euros: [8_000, 25_000],
    title: (p) => `Classe en plein air à l'école ${ofPlace(p)}`,
    description: (p) =>
      `Un préau ouvert avec gradins en bois, tableau et bacs de plantation pour faire classe dehors à l'école ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "COMMUNE", "COLLECTIVE"],
    group: (p) => `Parents d'élèves ${ofPlace(p)}`,
    site: "École élémentaire",
    suppliers: WOODWORK,
  }),
  idea({
    key: "ping-pong",
    family: "sport",
    audience: "youth",
    euros: [4_000, 12_000],
    title: (p) => `Tables de ping-pong en accès libre à ${p}`,
    description: (p) =>
      `Trois tables de tennis de table en béton et un abri ombragé près de la salle des fêtes de ${p}.`,
    holders: ["COLLECTIVE", "COMMUNE"],
    group: (p) => `Conseil municipal des jeunes de ${p}`,
    site: "Salle des fêtes",
    suppliers: SPORT_BUILDERS,
  }),
  idea({
    key: "boite-livres",
    family: "culture",
    audience: "both",
    euros: [3_000, 9_000],
    title: (p) => `Boîtes à livres dans les quartiers ${ofPlace(p)}`,
    description: (p) =>
      `Six boîtes à livres en pin des Landes fabriquées localement et installées dans les quartiers ${ofPlace(p)}, entretenues par des bénévoles.`,
    holders: ["PERSON", "ASSOCIATION", "COLLECTIVE"],
    group: (p) => `Lire à ${p}`,
    site: "Place de la mairie",
    suppliers: WOODWORK,
  }),
  idea({
    key: "abri-velos-college",
    family: "roadSafety",
    audience: "youth",
    euros: [8_000, 22_000],
    title: (p) => `Abri vélos sécurisé au collège ${ofPlace(p)}`,
    description: (p) =>
      `Abri couvert et fermé de quarante places, avec station de gonflage, pour encourager les collégiens ${ofPlace(p)} à venir à vélo.`,
    holders: ["COLLECTIVE", "ASSOCIATION"],
    group: (p) => `Éco-délégués du collège ${ofPlace(p)}`,
    site: "Collège",
    suppliers: BIKES,
  }),
  idea({
    key: "espace-numerique-jeunes",
    family: "digital",
    audience: "youth",
    euros: [6_000, 20_000],
    title: (p) => `Espace numérique jeunesse ${ofPlace(p)}`,
    description: (p) =>
      `Ordinateurs, imprimante 3D et matériel de montage vidéo pour un atelier numérique animé par et pour les jeunes ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "COLLECTIVE"],
    group: (p) => `Association Jeunesse ${p}`,
    site: "Médiathèque",
    suppliers: SOUND,
  }),
  idea({
    key: "jardin-partage",
    family: "environment",
    audience: "adult",
    euros: [8_000, 30_000],
    title: (p) => `Jardin partagé ${ofPlace(p)}`,
    description: (p) =>
      `Parcelles cultivées en commun, cabane, composteur et arrosage goutte-à-goutte sur un terrain communal ${ofPlace(p)}, ouvert à tous les habitants.`,
    holders: ["ASSOCIATION", "COLLECTIVE", "PERSON"],
    group: (p) => `Les Jardiniers ${ofPlace(p)}`,
    site: "Jardin partagé",
    suppliers: GARDEN,
  }),
  idea({
    key: "parcours-sante",
    family: "sport",
    audience: "adult",
    euros: [15_000, 45_000],
    title: (p) => `Parcours de santé ${ofPlace(p)}`,
    description: (p) =>
      `Un parcours sportif de douze agrès en bois sur deux kilomètres dans la forêt communale ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "COMMUNE", "PERSON"],
    group: (p) => `Foyer rural ${ofPlace(p)}`,
    site: "Forêt communale",
    suppliers: WOODWORK,
  }),
  idea({
    key: "composteurs",
    family: "environment",
    audience: "adult",
    euros: [5_000, 18_000],
    title: (p) => `Composteurs collectifs ${ofPlace(p)}`,
    description: (p) =>
      `Huit sites de compostage partagé en pied d'immeuble et près des jardins familiaux ${ofPlace(p)}, avec formation de référents.`,
    holders: ["COLLECTIVE", "ASSOCIATION", "PERSON"],
    group: (p) => `Collectif Zéro Déchet ${p}`,
    site: "Place de la mairie",
    suppliers: GARDEN,
  }),
  idea({
    key: "abri-velos-gare",
    family: "mobility",
    audience: "adult",
    euros: [10_000, 35_000],
    title: (p) => `Abri vélos sécurisé ${ofPlace(p)}`,
    description: (p) =>
      `Un abri vélos fermé de trente places avec bornes de recharge pour vélos électriques, au point de départ des cars régionaux ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "COMMUNE", "PERSON"],
    group: (p) => `Vélo en ${p}`,
    site: "Arrêt des cars régionaux",
    suppliers: BIKES,
  }),
  idea({
    key: "station-reparation-velo",
    family: "mobility",
    audience: "adult",
    euros: [3_000, 9_000],
    title: (p) => `Stations de réparation vélo en libre-service à ${p}`,
    description: (p) =>
      `Deux stations avec outils attachés et pompe, le long de la véloroute et devant la mairie de ${p}.`,
    holders: ["PERSON", "ASSOCIATION"],
    group: (p) => `Atelier vélo participatif ${ofPlace(p)}`,
    site: "Véloroute",
    suppliers: BIKES,
  }),
  idea({
    key: "cheminement-doux",
    family: "mobility",
    audience: "adult",
    euros: [25_000, 50_000],
    title: (p) => `Cheminement piéton et cyclable vers l'école ${ofPlace(p)}`,
    description: (p) =>
      `Un chemin stabilisé et éclairé entre les lotissements et le groupe scolaire ${ofPlace(p)}, pour aller à l'école à pied ou à vélo.`,
    holders: ["COMMUNE", "COLLECTIVE"],
    group: (p) => `Collectif des parents ${ofPlace(p)}`,
    site: "Groupe scolaire",
    suppliers: ["Sud Terrassement", "Paysages Lacoste"],
  }),
  idea({
    key: "mobilier-pique-nique",
    family: "environment",
    audience: "adult",
    euros: [6_000, 20_000],
    title: (p) => `Aire de pique-nique au bord de l'eau à ${p}`,
    description: (p) =>
      `Tables, bancs et poubelles de tri en bois local le long des berges à ${p}, avec un panneau sur la faune et la flore.`,
    holders: ["PERSON", "ASSOCIATION", "COMMUNE"],
    group: (p) => `Comité des fêtes ${ofPlace(p)}`,
    site: "Berges",
    suppliers: WOODWORK,
  }),
  idea({
    key: "lavoir",
    family: "culture",
    audience: "adult",
    euros: [12_000, 40_000],
    title: (p) => `Restauration du lavoir ${ofPlace(p)}`,
    description: (p) =>
      `Réfection de la charpente, de la couverture en tuiles et des bassins du lavoir ${ofPlace(p)}, avec un panneau sur son histoire.`,
    holders: ["ASSOCIATION", "COMMUNE"],
    group: (p) => `Les Amis du patrimoine ${ofPlace(p)}`,
    site: "Lavoir",
    suppliers: WOODWORK,
  }),
  idea({
    key: "sentier-patrimoine",
    family: "culture",
    audience: "adult",
    euros: [8_000, 25_000],
    title: (p) => `Sentier d'interprétation du patrimoine ${ofPlace(p)}`,
    description: (p) =>
      `Douze panneaux illustrés et un livret pour découvrir à pied l'histoire, les airials et le patrimoine bâti ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "PERSON"],
    group: (p) => `Mémoire et patrimoine ${ofPlace(p)}`,
    site: "Place de l'église",
    suppliers: ART,
  }),
  idea({
    key: "kiosque",
    family: "culture",
    audience: "adult",
    euros: [20_000, 50_000],
    title: (p) => `Scène extérieure couverte ${ofPlace(p)}`,
    description: (p) =>
      `Une scène démontable et couverte pour les concerts, le théâtre et les fêtes de village ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "COMMUNE"],
    group: (p) => `Comité des fêtes ${ofPlace(p)}`,
    site: "Place du village",
    suppliers: SOUND,
  }),
  idea({
    key: "repair-cafe",
    family: "solidarity",
    audience: "adult",
    euros: [5_000, 15_000],
    title: (p) => `Atelier de réparation partagé à ${p}`,
    description: (p) => `Outillage, établis et rangements pour un repair café mensuel animé par des bénévoles à ${p}.`,
    holders: ["ASSOCIATION", "COLLECTIVE", "PERSON"],
    group: (p) => `Repair Café ${p}`,
    site: "Maison des associations",
    suppliers: EQUIPMENT,
  }),
  idea({
    key: "epicerie-solidaire",
    family: "solidarity",
    audience: "adult",
    euros: [8_000, 30_000],
    title: (p) => `Équipement de l'épicerie solidaire ${ofPlace(p)}`,
    description: (p) =>
      `Chambre froide, vitrines réfrigérées et rayonnages pour l'épicerie solidaire ${ofPlace(p)}, qui accueille les familles orientées par les services sociaux.`,
    holders: ["ASSOCIATION"],
    group: (p) => `Épicerie solidaire ${ofPlace(p)}`,
    site: "Épicerie solidaire",
    suppliers: EQUIPMENT,
  }),
  idea({
    key: "triporteur",
    family: "solidarity",
    audience: "adult",
    euros: [7_000, 14_000],
    title: (p) => `Vélo triporteur pour les résidents de l'EHPAD ${ofPlace(p)}`,
    description: (p) =>
      `Un vélo triporteur à assistance électrique pour emmener les personnes âgées de l'EHPAD ${ofPlace(p)} en balade avec des bénévoles.`,
    holders: ["ASSOCIATION", "PERSON"],
    group: (p) => `Amis de l'EHPAD ${ofPlace(p)}`,
    site: "EHPAD",
    suppliers: BIKES,
  }),
  idea({
    key: "defibrillateurs",
    family: "solidarity",
    audience: "adult",
    euros: [6_000, 16_000],
    title: (p) => `Défibrillateurs en accès public à ${p}`,
    description: (p) =>
      `Quatre défibrillateurs en armoire chauffée aux points fréquentés de ${p} et des sessions de formation aux gestes qui sauvent.`,
    holders: ["PERSON", "ASSOCIATION", "COMMUNE"],
    group: (p) => `Secouristes bénévoles ${ofPlace(p)}`,
    site: "Place de la mairie",
    suppliers: ["Médical Sud-Ouest", "Électricité Castaing"],
  }),
  idea({
    key: "mare-biodiversite",
    family: "environment",
    audience: "both",
    euros: [6_000, 22_000],
    title: (p) => `Îlot de biodiversité et mare pédagogique à ${p}`,
    description: (p) =>
      `Creusement d'une mare, plantation de haies et pose de nichoirs et d'hôtels à insectes sur un terrain communal à ${p}.`,
    holders: ["ASSOCIATION", "COLLECTIVE", "PERSON"],
    group: (p) => `Nature et découverte ${ofPlace(p)}`,
    site: "Terrain communal",
    suppliers: GARDEN,
  }),
  idea({
    key: "verger",
    family: "agriculture",
    audience: "adult",
    euros: [5_000, 15_000],
    title: (p) => `Verger conservatoire partagé ${ofPlace(p)}`,
    description: (p) =>
      `Plantation de quarante arbres fruitiers de variétés anciennes du Sud-Ouest, ouverts à la cueillette des habitants ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "PERSON"],
    group: (p) => `Les Croqueurs de pommes ${ofPlace(p)}`,
    site: "Verger communal",
    suppliers: GARDEN,
  }),
  idea({
    key: "radar-pedagogique",
    family: "roadSafety",
    audience: "adult",
    euros: [5_000, 14_000],
    title: (p) => `Radars pédagogiques aux entrées ${ofPlace(p)}`,
    description: (p) =>
      `Trois radars pédagogiques solaires et un marquage au sol pour calmer la circulation devant l'école et aux entrées ${ofPlace(p)}.`,
    holders: ["PERSON", "COLLECTIVE"],
    group: (p) => `Collectif Rues apaisées ${ofPlace(p)}`,
    site: "Entrée du bourg",
    suppliers: ["Signalisation Adour", "Électricité Castaing"],
  }),
  idea({
    key: "boulodrome",
    family: "sport",
    audience: "adult",
    euros: [15_000, 45_000],
    title: (p) => `Abri couvert pour le boulodrome ${ofPlace(p)}`,
    description: (p) =>
      `Une structure couverte et éclairée au-dessus de six terrains de pétanque, lieu de rencontre des générations ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "COMMUNE"],
    group: (p) => `Pétanque ${p}`,
    site: "Boulodrome",
    suppliers: WOODWORK,
  }),
  idea({
    key: "mediatheque-numerique",
    family: "digital",
    audience: "adult",
    euros: [6_000, 20_000],
    title: (p) => `Point d'accès numérique à la médiathèque ${ofPlace(p)}`,
    description: (p) =>
      `Postes informatiques, tablettes et imprimante pour accompagner les démarches en ligne des habitants ${ofPlace(p)}.`,
    holders: ["ASSOCIATION", "COMMUNE", "PERSON"],
    group: (p) => `Amis de la médiathèque ${ofPlace(p)}`,
    site: "Médiathèque",
    suppliers: SOUND,
  }),
  idea({
    key: "course-orientation",
    family: "sport",
    audience: "both",
    euros: [4_000, 12_000],
    title: (p) => `Parcours d'orientation permanent en forêt ${ofPlace(p)}`,
    description: (p) =>
      `Balises fixes, cartes et panneaux de départ pour un parcours d'orientation dans la forêt de pins ${ofPlace(p)}, utilisable par les écoles.`,
    holders: ["ASSOCIATION", "PERSON", "COLLECTIVE"],
    group: (p) => `Orientation Landes ${p}`,
    site: "Forêt communale",
    suppliers: ART,
  }),
  idea({
    key: "cour-vegetalisee",
    family: "environment",
    audience: "both",
    euros: [12_000, 40_000],
    title: (p) => `Végétalisation de la cour de l'école ${ofPlace(p)}`,
    description: (p) =>
      `Remplacement d'une partie de l'enrobé par des arbres, des massifs et des bancs pour rafraîchir la cour de l'école ${ofPlace(p)}.`,
    holders: ["COLLECTIVE", "ASSOCIATION", "COMMUNE"],
    group: (p) => `Parents d'élèves ${ofPlace(p)}`,
    site: "École élémentaire",
    suppliers: GARDEN,
  }),
];

/** The "exceptional" projects of the early editions, 70 000 to 100 000 € (DOMAIN.md). */
export interface ExceptionalIdea {
  idea: Idea;
  euros: number;
  youth: boolean;
  holder: HolderKind;
  /** Convention amount when it differs from the amount voted (the pumptrack of DOMAIN.md). */
  agreementEuros?: number;
}

const find = (key: string): Idea => {
  const found = IDEAS.find((i) => i.key === key);
  if (!found) throw new Error(`idée inconnue : ${key}`);
  return found;
};

export const EXCEPTIONAL: Readonly<Record<number, readonly ExceptionalIdea[]>> = {
  2019: [
    { idea: find("cheminement-doux"), euros: 95_000, youth: false, holder: "COMMUNE" },
    { idea: find("parcours-sante"), euros: 82_000, youth: false, holder: "ASSOCIATION" },
  ],
  2021: [
    { idea: find("pumptrack"), euros: 70_000, youth: true, holder: "COMMUNE", agreementEuros: 68_525 },
    { idea: find("skatepark"), euros: 90_000, youth: true, holder: "ASSOCIATION" },
    { idea: find("studio-musique"), euros: 78_000, youth: true, holder: "ASSOCIATION" },
  ],
};

export function ideaByKey(key: string): Idea {
  return find(key);
}
