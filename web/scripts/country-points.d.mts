// Types of country-points.mjs for the spec that checks the generated table against it.
export function countryPoints(): Record<string, { id: string | null; at: [number, number] }>;
