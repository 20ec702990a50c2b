/**
 * The first-party modules a region can pick: the one list that `create-kota-app` offers and that `kota add`
 * uses for a module's default options. A module not listed here can still be added by its package name
 * (`kota add @your-region/pengumuman`) and starts with empty options.
 */
export interface KnownModule {
  /** Module id (kebab-case), also the name given to `--modules` and `kota add`. */
  id: string;
  /** npm package. */
  package: string;
  /** The module definition's export name, e.g. `hargaPasar`. */
  exportName: string;
  /** One line for the prompt and `kota modules`. */
  description: string;
  /** More names imported from the package by the default options, e.g. `tangerangCategories`. */
  extraImports: string[];
  /** The default options as TypeScript source: the argument of `<exportName>.with(…)`. */
  defaultOptions: string;
}

export const knownModules: readonly KnownModule[] = [
  {
    id: 'laksa',
    package: '@kota-kit/laksa',
    exportName: 'laksa',
    description: 'LAKSA: citizens’ complaints, aspirations and information requests (LAPOR!-style workflow, Open311)',
    extraImports: ['tangerangCategories'],
    // The categories route to the standard agencies every generated host starts with; edit them to your region's.
    defaultOptions: "{ categories: tangerangCategories, verifierAgency: 'diskominfo' }",
  },
  {
    id: 'harga-pasar',
    package: '@kota-kit/harga-pasar',
    exportName: 'hargaPasar',
    description: 'Harga pasar: daily staple-food prices of the region’s markets, with open data exports',
    extraImports: ['tangerangDefaults'],
    // Kota Tangerang's commodities and reference prices are national; replace its markets with your region's.
    defaultOptions: '{ ...tangerangDefaults }',
  },
  {
    id: 'pencaker',
    package: '@kota-kit/pencaker',
    exportName: 'pencaker',
    description: 'Pencaker: job seekers, employers, vacancies and the AK/1 card',
    extraImports: [],
    // Every option has a default; the labour agency is "disnaker", one of the standard agencies.
    defaultOptions: '{}',
  },
  {
    id: 'berita',
    package: '@kota-kit/berita',
    exportName: 'berita',
    description: 'Berita: the city’s news, its own newsroom and collected feeds',
    extraImports: ['defaultCategories'],
    defaultOptions: "{ newsroomAgency: 'diskominfo', categories: defaultCategories }",
  },
];

export const knownModuleIds: readonly string[] = knownModules.map((module) => module.id);

/** The known module with this id or package name, if any. */
export function findKnownModule(idOrPackage: string): KnownModule | undefined {
  return knownModules.find((module) => module.id === idOrPackage || module.package === idOrPackage);
}

/**
 * The agencies (OPD) every generated host starts with: the usual dinas of an Indonesian kabupaten/kota, with the
 * ids the default module options route to. A region renames, removes and adds its own.
 */
export const standardAgencies: readonly { id: string; name: string; shortName: string }[] = [
  { id: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo' },
  { id: 'dpupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'DPUPR' },
  { id: 'dlh', name: 'Dinas Lingkungan Hidup', shortName: 'DLH' },
  { id: 'dishub', name: 'Dinas Perhubungan', shortName: 'Dishub' },
  { id: 'dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes' },
  { id: 'disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil' },
  { id: 'disnaker', name: 'Dinas Ketenagakerjaan', shortName: 'Disnaker' },
  { id: 'disperindag', name: 'Dinas Perindustrian dan Perdagangan', shortName: 'Disperindag' },
];
