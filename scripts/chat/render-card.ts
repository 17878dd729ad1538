import { expandDates } from "./expand-dates.ts";
import { type CardAction, type CardInput, childElements, type Json, jsonArray, readCard } from "./read-card.ts";
import { renderInput } from "./render-input.ts";
import { renderInline, renderMarkdown } from "./render-markdown.ts";
import { type TextColor, type TextStyle, visibleLength } from "./text-style.ts";

/**
 * Columns go side by side while all but the last fit in this width (the last one may run
 * on: the terminal wraps it, like a "stretch" column); beyond, one under the other.
 */
const MAX_LEADING_COLUMNS_WIDTH = 60;
const COLUMN_GAP = "   ";

interface RenderContext {
  style: TextStyle;
  actionNumbers: Map<Json, number>;
  inputs: Map<Json, CardInput>;
}

/**
 * An Adaptive Card (schema up to 1.5, what Teams renders) as terminal lines: text with
 * its emphasis, aligned facts, columns side by side, images as `[image : …]`, inputs
 * with their ids and proposed values, numbered actions (`[1] Enregistrer`) matching
 * `readCard`'s numbering. Anything else is named, never silently dropped. Pure.
 */
export function renderCard(card: Json, style: TextStyle): string[] {
  const { actions, inputs } = readCard(card);
  const context: RenderContext = {
    style,
    actionNumbers: new Map(actions.map((action) => [action.raw, action.number])),
    inputs: new Map(inputs.map((input) => [input.raw, input])),
  };
  return [...renderElements(jsonArray(card.body), context), ...renderActions(jsonArray(card.actions), context)];
}

function renderElements(elements: Json[], context: RenderContext): string[] {
  const lines: string[] = [];
  for (const element of elements) {
    if (element.separator === true && lines.length > 0) lines.push(context.style.dim("─".repeat(24)));
    lines.push(...renderElement(element, context));
  }
  return lines;
}

function renderElement(element: Json, context: RenderContext): string[] {
  const type = String(element.type ?? "");
  const { style } = context;
  switch (type) {
    case "TextBlock":
      return renderTextBlock(element, style);
    case "RichTextBlock":
      return [
        jsonArray(element.inlines)
          .map((run) => emphasize(expandDates(String(run.text ?? "")), run, style))
          .join(""),
      ];
    case "FactSet":
      return renderFacts(jsonArray(element.facts), style);
    case "ColumnSet":
      return renderColumns(jsonArray(element.columns), context);
    case "Container":
    case "Column":
    case "TableCell":
      return renderElements(childElements(element), context);
    case "Table":
      return jsonArray(element.rows).map((row) =>
        jsonArray(row.cells)
          .map((cell) => renderElements(childElements(cell), context).join(" "))
          .join(" │ "),
      );
    case "Image":
      return [imageLabel(element)];
    case "ImageSet":
      return [jsonArray(element.images).map(imageLabel).join(" ")];
    case "ActionSet":
      return renderActions(jsonArray(element.actions), context);
    default: {
      const input = context.inputs.get(element);
      if (input) return renderInput(input, style);
      return [style.dim(`[élément non pris en charge : ${type || "sans type"}]`)];
    }
  }
}

function renderTextBlock(element: Json, style: TextStyle): string[] {
  return renderMarkdown(expandDates(String(element.text ?? "")), style).map((line) => emphasize(line, element, style));
}

/** Weight, size, colour and subtlety of a TextBlock or TextRun as terminal emphasis. */
function emphasize(text: string, element: Json, style: TextStyle): string {
  let result = text;
  const weight = lower(element.weight);
  const size = lower(element.size);
  if (weight === "bolder" || size === "large" || size === "extralarge") {
    result = style.bold(result);
  }
  if (element.italic === true) result = style.italic(result);
  if (element.strikethrough === true) result = style.strike(result);
  const color = lower(element.color);
  if (color === "attention" || color === "good" || color === "warning" || color === "accent") {
    result = style.color(result, color as TextColor);
  }
  if (element.isSubtle === true || weight === "lighter") result = style.dim(result);
  return result;
}

function renderFacts(facts: Json[], style: TextStyle): string[] {
  const titles = facts.map((fact) => renderInline(String(fact.title ?? ""), style));
  const width = Math.max(0, ...titles.map(visibleLength));
  return facts.map((fact, index) => {
    const title = titles[index] ?? "";
    const padded = title + " ".repeat(width - visibleLength(title));
    return `${style.bold(padded)} : ${renderInline(expandDates(String(fact.value ?? "")), style)}`;
  });
}

function renderColumns(columns: Json[], context: RenderContext): string[] {
  const rendered = columns.map((column) => renderElement(column, context)).filter((lines) => lines.length > 0);
  const widths = rendered.map((lines) => Math.max(0, ...lines.map(visibleLength)));
  const leading = widths.slice(0, -1).reduce((sum, width) => sum + width + COLUMN_GAP.length, 0);
  if (rendered.length <= 1 || leading > MAX_LEADING_COLUMNS_WIDTH) return rendered.flat();
  const height = Math.max(...rendered.map((lines) => lines.length));
  return Array.from({ length: height }, (_, row) =>
    rendered
      .map((lines, index) => {
        const cell = lines[row] ?? "";
        return cell + " ".repeat((widths[index] ?? 0) - visibleLength(cell));
      })
      .join(COLUMN_GAP)
      .trimEnd(),
  );
}

/** Adaptive Cards' enumerations are case-insensitive (`Bolder`, `bolder`). */
function lower(value: unknown): string {
  return typeof value === "string" ? value.toLowerCase() : "";
}

function imageLabel(image: Json): string {
  const alt = typeof image.altText === "string" && image.altText.trim() ? image.altText.trim() : "";
  return alt ? `[image : ${alt}]` : "[image]";
}

function renderActions(actions: Json[], context: RenderContext): string[] {
  const { style } = context;
  return actions.map((raw) => {
    const number = context.actionNumbers.get(raw) ?? 0;
    const action: CardAction = {
      number,
      type: String(raw.type ?? ""),
      title: String(raw.title ?? raw.type ?? ""),
      raw,
    };
    const label = `[${number}] ${action.title}`;
    const styled =
      lower(raw.style) === "destructive"
        ? style.color(label, "attention")
        : lower(raw.style) === "positive"
          ? style.color(label, "good")
          : style.bold(label);
    const hint = actionHint(action);
    return hint ? styled + style.dim(hint) : styled;
  });
}

function actionHint(action: CardAction): string {
  switch (action.type) {
    case "Action.Execute":
    case "Action.Submit":
      return "";
    case "Action.OpenUrl":
      return ` → ${String(action.raw.url ?? "")}`;
    case "Action.ShowCard":
      return " (affiche la suite)";
    case "Action.ToggleVisibility":
      return " (sans effet ici)";
    default:
      return ` (action non prise en charge : ${action.type || "sans type"})`;
  }
}
