/** `Bonjour Léa,` when we know who we write to, the formal `Madame, Monsieur,` otherwise. */
export function greeting(name: string | undefined): string {
  return name ? `Bonjour ${name},` : "Madame, Monsieur,";
}
