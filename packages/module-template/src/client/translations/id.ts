/** Bahasa Indonesia first: the table whose keys the compiler checks in every page. */
export const id = {
  nav: { title: 'Pengumuman', description: 'Kabar resmi dari dinas' },
  list: {
    title: 'Pengumuman',
    empty: 'Belum ada pengumuman.',
    label: 'Daftar pengumuman',
    write: 'Tulis pengumuman',
    withdraw: 'Tarik',
    withdrawTitle: 'Tarik pengumuman ini?',
    withdrawBody: 'Pengumuman “{{title}}” tidak lagi tampil untuk warga. Catatan audit tetap disimpan.',
  },
  form: {
    title: 'Tulis pengumuman',
    agency: 'Dinas',
    heading: 'Judul',
    body: 'Isi',
    bodyHint: 'Paling banyak {{max}} karakter.',
    publish: 'Terbitkan',
    published: 'Pengumuman “{{title}}” terbit.',
  },
  widget: { title: 'Pengumuman terbaru', all: 'Semua pengumuman' },
} as const;
