/** The folder of the pack where the dossier demo puts its records (examples of the input format). */
export const DOSSIER_DEMO_FOLDER = "ho-so-mau";
