// What a thrown value says, whatever was thrown.
export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e))
