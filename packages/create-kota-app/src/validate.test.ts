import { describe, expect, it } from 'vitest';
import { parseModuleList, validateAppName, validateColour, validateLanguage, validateProjectName, validateRegionCode } from './validate.js';

describe('answer checks', () => {
  it('takes a kode wilayah of a kabupaten/kota in the Kemendagri list', () => {
    expect(validateRegionCode('36.01')).toBeUndefined();
    expect(validateRegionCode('36.71')).toBeUndefined();
    expect(validateRegionCode(' 36.73 ')).toBeUndefined();
  });

  it('refuses a malformed kode wilayah with an example', () => {
    for (const code of ['3601', '36', '36.1', '36.01.01', 'abc', '']) {
      expect(validateRegionCode(code)).toMatch(/two pairs of digits with a dot, like "36.01"/);
    }
  });

  it('refuses a well-formed kode wilayah that is not in the list, naming it', () => {
    expect(validateRegionCode('36.99')).toBe(
      'There is no kabupaten/kota with the kode wilayah "36.99" in the Kemendagri list (province 36). Check the code in the Kepmendagri on kode wilayah.',
    );
    expect(validateRegionCode('00.01')).toMatch(/no kabupaten\/kota with the kode wilayah "00.01"/);
  });

  it('knows the modules by id and package and lists the known ones for an unknown name', () => {
    expect(parseModuleList('laksa, harga-pasar')).toEqual({ modules: ['laksa', 'harga-pasar'] });
    expect(parseModuleList('@kota-kit/laksa,laksa')).toEqual({ modules: ['laksa'] });
    expect(parseModuleList('laksa,pencaker,berita').modules).toEqual(['laksa', 'pencaker', 'berita']);
    expect(parseModuleList('laksa,hargapasar,ojek').error).toBe('Unknown modules "hargapasar", "ojek". Known modules: laksa, harga-pasar, pencaker, berita.');
    expect(parseModuleList(' , ').error).toMatch(/Pick at least one module/);
  });

  it('takes hex colours of six digits only', () => {
    expect(validateColour('#0f5c3A')).toBeUndefined();
    expect(validateColour('0f5c3a', 'primary colour')).toBe('The primary colour "0f5c3a" must be a hex colour of six digits like "#0f5c3a".');
    expect(validateColour('#fff')).toMatch(/six digits/);
    expect(validateColour('red')).toMatch(/six digits/);
    expect(validateColour('#12345g')).toMatch(/six digits/);
  });

  it('checks app name length, language and folder name', () => {
    expect(validateAppName('Pandeglang Live')).toBeUndefined();
    expect(validateAppName('x')).toMatch(/at least 2/);
    expect(validateAppName('x'.repeat(41))).toMatch(/at most 40 characters \(this one has 41\)/);
    expect(validateLanguage('en')).toBeUndefined();
    expect(validateLanguage('jv')).toBe('The default language must be one of id, en (not "jv").');
    expect(validateProjectName('pandeglang')).toBeUndefined();
    expect(validateProjectName('Pandeglang Live')).toMatch(/lowercase letters/);
  });
});
