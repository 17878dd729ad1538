/** A JSON object as it comes off the wire (cards are not typed by the bot's SDK here). */
export type Json = Record<string, unknown>;

/** One action a card offers, numbered as the terminal shows it (`[1] Enregistrer`). */
export interface CardAction {
  number: number;
  type: string;
  title: string;
  /** The action object itself, as the card carries it. */
  raw: Json;
}

/** One input of a card, as the client asks for it before submitting an action. */
export interface CardInput {
  id: string;
  type: string;
  /** `label`, else `title` (toggles), else `placeholder`, else the id. */
  label: string;
  placeholder: string | undefined;
  /** The value the card proposes (`value`), as Teams would submit it untouched. */
  defaultValue: string;
  required: boolean;
  choices: Array<{ title: string; value: string }>;
  multiSelect: boolean;
  raw: Json;
}

export function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function jsonArray(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isJson) : [];
}

/** The elements nested in an element: container items, columns, table rows and cells. */
export function childElements(element: Json): Json[] {
  return [
    ...jsonArray(element.items),
    ...jsonArray(element.columns),
    ...jsonArray(element.rows),
    ...jsonArray(element.cells),
  ];
}

/**
 * The actions and inputs of a card in document order: body depth first (ActionSets
 * where they stand), then the card's own actions. Both the renderer and the action
 * runner number actions from this one list, so `[2]` on screen is action 2.
 */
export function readCard(card: Json): { actions: CardAction[]; inputs: CardInput[] } {
  const actions: CardAction[] = [];
  const inputs: CardInput[] = [];
  const addAction = (raw: Json) => {
    const type = String(raw.type ?? "");
    actions.push({ number: actions.length + 1, type, title: String(raw.title ?? type), raw });
  };
  const visit = (element: Json) => {
    const type = String(element.type ?? "");
    if (type.startsWith("Input.") && typeof element.id === "string") inputs.push(toInput(element, type));
    if (type === "ActionSet") for (const action of jsonArray(element.actions)) addAction(action);
    for (const child of childElements(element)) visit(child);
  };
  for (const element of jsonArray(card.body)) visit(element);
  for (const action of jsonArray(card.actions)) addAction(action);
  return { actions, inputs };
}

function toInput(element: Json, type: string): CardInput {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const value = element.value;
  return {
    id: String(element.id),
    type,
    label: text(element.label) ?? text(element.title) ?? text(element.placeholder) ?? String(element.id),
    placeholder: text(element.placeholder),
    defaultValue:
      type === "Input.Toggle"
        ? String(value ?? element.valueOff ?? "false")
        : value === undefined || value === null
          ? ""
          : String(value),
    required: element.isRequired === true,
    choices: jsonArray(element.choices).map((choice) => ({
      title: String(choice.title ?? choice.value ?? ""),
      value: String(choice.value ?? ""),
    })),
    multiSelect: element.isMultiSelect === true,
    raw: element,
  };
}
