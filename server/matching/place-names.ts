// French and Spanish names of the UN M49 regions, sub-regions and intermediate regions (the
// reference data holds them in English only), and of the income and HDI groups, for explanations.
// UN M49 official names; the English name is the key and the fallback.
export const m49Names: Readonly<Record<string, { fr: string; es: string }>> = {
  Africa: { fr: 'Afrique', es: 'África' },
  Americas: { fr: 'Amériques', es: 'Américas' },
  Asia: { fr: 'Asie', es: 'Asia' },
  Europe: { fr: 'Europe', es: 'Europa' },
  Oceania: { fr: 'Océanie', es: 'Oceanía' },
  'Australia and New Zealand': { fr: 'Australie et Nouvelle-Zélande', es: 'Australia y Nueva Zelandia' },
  'Central Asia': { fr: 'Asie centrale', es: 'Asia central' },
  'Eastern Asia': { fr: "Asie de l'Est", es: 'Asia oriental' },
  'Eastern Europe': { fr: "Europe de l'Est", es: 'Europa oriental' },
  'Latin America and the Caribbean': { fr: 'Amérique latine et Caraïbes', es: 'América Latina y el Caribe' },
  Melanesia: { fr: 'Mélanésie', es: 'Melanesia' },
  Micronesia: { fr: 'Micronésie', es: 'Micronesia' },
  'Northern Africa': { fr: 'Afrique du Nord', es: 'África septentrional' },
  'Northern America': { fr: 'Amérique septentrionale', es: 'América septentrional' },
  'Northern Europe': { fr: 'Europe du Nord', es: 'Europa septentrional' },
  Polynesia: { fr: 'Polynésie', es: 'Polinesia' },
  'South-eastern Asia': { fr: 'Asie du Sud-Est', es: 'Asia sudoriental' },
  'Southern Asia': { fr: 'Asie du Sud', es: 'Asia meridional' },
  'Southern Europe': { fr: 'Europe du Sud', es: 'Europa meridional' },
  'Sub-Saharan Africa': { fr: 'Afrique subsaharienne', es: 'África subsahariana' },
  'Western Asia': { fr: 'Asie occidentale', es: 'Asia occidental' },
  'Western Europe': { fr: "Europe de l'Ouest", es: 'Europa occidental' },
  Caribbean: { fr: 'Caraïbes', es: 'Caribe' },
  'Central America': { fr: 'Amérique centrale', es: 'Centroamérica' },
  'Eastern Africa': { fr: "Afrique de l'Est", es: 'África oriental' },
  'Middle Africa': { fr: 'Afrique centrale', es: 'África central' },
  'South America': { fr: 'Amérique du Sud', es: 'América del Sur' },
  'Southern Africa': { fr: 'Afrique australe', es: 'África meridional' },
  'Western Africa': { fr: "Afrique de l'Ouest", es: 'África occidental' },
};

export const incomeNames: Readonly<Record<string, { en: string; fr: string; es: string }>> = {
  'Low income': { en: 'low income', fr: 'faible revenu', es: 'ingreso bajo' },
  'Lower middle income': {
    en: 'lower middle income',
    fr: 'revenu intermédiaire inférieur',
    es: 'ingreso mediano bajo',
  },
  'Upper middle income': {
    en: 'upper middle income',
    fr: 'revenu intermédiaire supérieur',
    es: 'ingreso mediano alto',
  },
  'High income': { en: 'high income', fr: 'revenu élevé', es: 'ingreso alto' },
};

export const hdiNames: Readonly<Record<string, { en: string; fr: string; es: string }>> = {
  'Very High': { en: 'very high', fr: 'très élevé', es: 'muy alto' },
  High: { en: 'high', fr: 'élevé', es: 'alto' },
  Medium: { en: 'medium', fr: 'moyen', es: 'medio' },
  Low: { en: 'low', fr: 'faible', es: 'bajo' },
};

export const modalityNames: Readonly<Record<string, { en: string; fr: string; es: string }>> = {
  'peer-exchange': { en: 'peer exchange', fr: 'échange entre pairs', es: 'intercambio entre pares' },
  'technical-assistance': { en: 'technical assistance', fr: 'assistance technique', es: 'asistencia técnica' },
  training: { en: 'training', fr: 'formation', es: 'capacitación' },
  secondment: { en: 'secondment', fr: 'détachement', es: 'adscripción' },
  funding: { en: 'funding', fr: 'financement', es: 'financiación' },
  'tools-data': { en: 'tools or data', fr: 'outils ou données', es: 'herramientas o datos' },
};
