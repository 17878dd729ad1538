export interface RoomFacts {
  site: string;
  name: string;
  address: string;
  capacity: number;
}

/** Key of a room in the seed data: `site|name` (the table's unique pair). */
export const roomKey = (room: Pick<RoomFacts, "site" | "name">): string => `${room.site}|${room.name}`;

const HOTEL = "Hôtel du Département";
const HOTEL_ADDRESS = "23 rue Victor-Hugo, 40000 Mont-de-Marsan";

/** Département sites where the service holds meetings and some inaugurations. */
export const ROOMS: readonly RoomFacts[] = [
  { site: HOTEL, name: "Salle de l'Assemblée", address: HOTEL_ADDRESS, capacity: 120 },
  { site: HOTEL, name: "Salle Henri-Emmanuelli", address: HOTEL_ADDRESS, capacity: 60 },
  { site: HOTEL, name: "Salle des commissions", address: HOTEL_ADDRESS, capacity: 25 },
  {
    site: "Archives départementales des Landes",
    name: "Salle de conférence",
    address: "Archives départementales, 40000 Mont-de-Marsan",
    capacity: 80,
  },
  {
    site: "Maison départementale des solidarités de Dax",
    name: "Salle de réunion",
    address: "Maison départementale des solidarités, 40100 Dax",
    capacity: 30,
  },
  {
    site: "Maison départementale des solidarités de Saint-Vincent-de-Tyrosse",
    name: "Salle polyvalente",
    address: "Maison départementale des solidarités, 40230 Saint-Vincent-de-Tyrosse",
    capacity: 40,
  },
  {
    site: "Domaine départemental d'Ognoas",
    name: "Salle du chai",
    address: "Domaine d'Ognoas, 40190 Arthez-d'Armagnac",
    capacity: 100,
  },
];

export const ROOM_ASSEMBLY = ROOMS[0] as RoomFacts;
export const ROOM_EMMANUELLI = ROOMS[1] as RoomFacts;
export const ROOM_COMMITTEES = ROOMS[2] as RoomFacts;
export const ROOM_DAX = ROOMS[4] as RoomFacts;
export const ROOM_TYROSSE = ROOMS[5] as RoomFacts;
export const ROOM_OGNOAS = ROOMS[6] as RoomFacts;
