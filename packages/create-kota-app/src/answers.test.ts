import { describe, expect, it } from 'vitest';
import { resolveAnswers, type Prompter } from './answers.js';
import { detectPackageManager, nextCommands } from './create.js';

describe('answers from flags', () => {
  it('takes the issue\'s command line: the code fills in the name, --yes the rest', async () => {
    const answers = await resolveAnswers({ projectName: 'pandeglang', region: 'Kabupaten Pandeglang', code: '36.01', modules: 'laksa,harga-pasar', yes: true }, null);
    expect(answers).toEqual({
      projectName: 'pandeglang',
      regionName: 'Kabupaten Pandeglang',
      code: '36.01',
      appName: 'Pandeglang Live',
      colors: { primary: '#0b5394', accent: '#f2b705' },
      defaultLanguage: 'id',
      modules: ['laksa', 'harga-pasar'],
    });
  });

  it('finds the code from a region name alone, and the name from a code alone', async () => {
    expect((await resolveAnswers({ region: 'Kota Serang', yes: true }, null)).code).toBe('36.73');
    const byCode = await resolveAnswers({ code: '36.02', yes: true }, null);
    expect(byCode.regionName).toBe('Kabupaten Lebak');
    expect(byCode.projectName).toBe('lebak');
  });

  it('stops with a clear message on a wrong or missing answer', async () => {
    await expect(resolveAnswers({ code: '36.99', yes: true }, null)).rejects.toThrow('There is no kabupaten/kota with the kode wilayah "36.99"');
    await expect(resolveAnswers({ region: 'Kota Serang', code: '36.01', yes: true }, null)).rejects.toThrow('The kode wilayah 36.01 is Kabupaten Pandeglang, not "Kota Serang" (Kota Serang: 36.73)');
    await expect(resolveAnswers({ region: 'Serang', yes: true }, null)).rejects.toThrow('"Serang" names Kabupaten Serang (36.04) and Kota Serang (36.73): give --code too.');
    await expect(resolveAnswers({ yes: true }, null)).rejects.toThrow('Give the region with --code');
    await expect(resolveAnswers({ code: '36.01', modules: 'laksa,ojek', yes: true }, null)).rejects.toThrow('Unknown module "ojek". Known modules: laksa, harga-pasar, pencaker, berita.');
    await expect(resolveAnswers({ code: '36.01', primary: 'green', yes: true }, null)).rejects.toThrow('The primary colour "green" must be a hex colour');
    await expect(resolveAnswers({ code: '36.01', language: 'jv', yes: true }, null)).rejects.toThrow('one of id, en');
  });

  it('asks for what the flags leave out, checking each answer with the same rules', async () => {
    const asked: string[] = [];
    const replies: Record<string, string> = { 'Kode wilayah (Kemendagri) of the kabupaten/kota': '36.73', 'Primary colour (hex)': '#123456' };
    const prompter: Prompter = {
      async text(options) {
        asked.push(options.message);
        const reply = replies[options.message] ?? options.initialValue ?? '';
        expect(options.validate(reply)).toBeUndefined();
        if (options.message.startsWith('Kode')) expect(options.validate('36.9')).toMatch(/two pairs of digits/);
        return reply;
      },
      async select(options) {
        asked.push(options.message);
        return options.initialValue!;
      },
      async multiselect(options) {
        asked.push(options.message);
        return ['berita', 'laksa'];
      },
    };
    const answers = await resolveAnswers({}, prompter);
    expect(asked).toEqual([
      'Kode wilayah (Kemendagri) of the kabupaten/kota',
      'Official name of the region',
      'Name of the app (header, phone home screen)',
      'Primary colour (hex)',
      'Accent colour (hex)',
      'Default language',
      'Modules',
    ]);
    expect(answers).toMatchObject({ regionName: 'Kota Serang', code: '36.73', appName: 'Serang Live', colors: { primary: '#123456' }, modules: ['berita', 'laksa'] });
  });
});

describe('package manager', () => {
  it('installs with the one that ran create-kota-app', () => {
    expect(detectPackageManager('pnpm/12.4.2 npm/? node/v20.20.2 linux x64')).toBe('pnpm');
    expect(detectPackageManager('yarn/1.22.22 npm/? node/v20.20.2 linux x64')).toBe('yarn');
    expect(detectPackageManager('npm/11.6.0 node/v20.20.2 linux x64 workspaces/false')).toBe('npm');
    expect(detectPackageManager('')).toBe('npm');
    expect(nextCommands('pandeglang', 'pnpm')).toEqual(['cd pandeglang', 'pnpm start']);
  });
});
