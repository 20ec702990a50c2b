/** The fixed vocabularies of Pencaker (stored as these codes, translated when shown). */
export const educationLevels = ['sd', 'smp', 'sma', 'smk', 'd1', 'd2', 'd3', 'd4', 's1', 's2', 's3'] as const;
export type EducationLevel = (typeof educationLevels)[number];
/** Rank of a level, for "at least SMA" filters. */
export const educationRank = (level: EducationLevel): number => educationLevels.indexOf(level);

/** Sectors of the city's economy, close to KBLI's sections. */
export const sectors = ['manufacturing', 'logistics', 'retail', 'hospitality', 'health', 'construction', 'education', 'technology', 'finance', 'services', 'other'] as const;
export type Sector = (typeof sectors)[number];

/** schema.org JobPosting employmentType values. */
export const employmentTypes = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN', 'VOLUNTEER', 'PER_DIEM', 'OTHER'] as const;
export type EmploymentType = (typeof employmentTypes)[number];

/** schema.org QuantitativeValue unitText for salaries. */
export const salaryUnits = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type SalaryUnit = (typeof salaryUnits)[number];

/** The six recognised religions and the belief systems (kepercayaan), as the KTP records them. */
export const religions = ['islam', 'protestan', 'katolik', 'hindu', 'buddha', 'konghucu', 'kepercayaan'] as const;
export const maritalStatuses = ['single', 'married', 'divorced', 'widowed'] as const;
export const sexes = ['male', 'female'] as const;

/** AK/1 card: submitted → verified (number assigned) → active (issued; valid 2 years) → expired | ended (placed). */
export const cardStatuses = ['submitted', 'verified', 'active', 'rejected', 'expired', 'ended'] as const;
export type CardStatus = (typeof cardStatuses)[number];

/** Vacancy: draft → submitted → published → closed | filled | expired; rejected back to the employer. */
export const vacancyStatuses = ['draft', 'submitted', 'published', 'rejected', 'closed', 'filled', 'expired'] as const;
export type VacancyStatus = (typeof vacancyStatuses)[number];

/** Application: received → shortlisted → interview → hired | rejected; withdrawn by the seeker. */
export const applicationStages = ['received', 'shortlisted', 'interview', 'hired', 'rejected', 'withdrawn'] as const;
export type ApplicationStage = (typeof applicationStages)[number];

export const employerStatuses = ['pending', 'verified', 'rejected'] as const;
export type EmployerStatus = (typeof employerStatuses)[number];

/** Orders of the public vacancy search. */
export const vacancySorts = ['relevance', 'date'] as const;
/** "Posted within" choices of the public search, in days. */
export const recencyDays = [1, 3, 7, 14, 30] as const;
