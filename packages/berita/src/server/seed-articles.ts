// The demo newsroom's articles: deterministic city news across the six categories. [category, title, summary, tags]
export const demoArticles: [string, string, string, string[]][] = [
  ['pemerintahan', 'Wali Kota lantik 120 pejabat fungsional baru', 'Pelantikan digelar di Pusat Pemerintahan; para pejabat diminta mempercepat pelayanan kepada warga.', ['pelantikan', 'aparatur']],
  ['pemerintahan', 'APBD perubahan disahkan, belanja infrastruktur naik', 'DPRD dan Pemkot menyepakati perubahan anggaran dengan tambahan belanja jalan dan drainase.', ['apbd', 'anggaran']],
  ['pemerintahan', 'Musrenbang kota tetapkan 250 usulan prioritas warga', 'Usulan dari 13 kecamatan dibahas bersama dinas; perbaikan drainase menjadi usulan terbanyak.', ['musrenbang', 'perencanaan']],
  ['pemerintahan', 'Pemkot raih predikat WTP untuk laporan keuangan', 'Badan Pemeriksa Keuangan memberi opini Wajar Tanpa Pengecualian untuk kesekian kalinya.', ['keuangan', 'bpk']],
  ['pemerintahan', 'Rapat koordinasi kesiapsiagaan banjir digelar di Cipondoh', 'Kecamatan, kelurahan dan BPBD menyiapkan pompa air serta jalur evakuasi menjelang puncak hujan.', ['banjir', 'bpbd', 'cipondoh']],
  ['pemerintahan', 'Kelurahan Sukasari jadi percontohan pelayanan tanpa antre', 'Warga mengambil nomor antrean dari ponsel dan datang pada jam yang ditentukan.', ['kelurahan', 'pelayanan']],
  ['pemerintahan', 'Forum anak kota sampaikan aspirasi ke DPRD', 'Perwakilan anak dari setiap kecamatan meminta ruang bermain dan jalur sekolah yang aman.', ['anak', 'aspirasi']],
  ['layanan-publik', 'Layanan adminduk kini buka hingga Sabtu', 'Disdukcapil memperpanjang jam layanan KTP-el, KK dan akta kelahiran di mal pelayanan publik.', ['disdukcapil', 'ktp-el']],
  ['layanan-publik', 'Bus kota gratis tambah rute ke Kecamatan Periuk', 'Rute baru menghubungkan Periuk dengan terminal Poris Plawad setiap 20 menit.', ['transportasi', 'periuk']],
  ['layanan-publik', 'Aduan warga lewat LAKSA ditindaklanjuti rata-rata dalam tiga hari', 'Dinas-dinas memperbaiki waktu tanggapan; aduan jalan rusak dan sampah paling banyak.', ['laksa', 'aduan']],
  ['layanan-publik', 'Mal pelayanan publik layani 1.500 warga per hari', 'Lebih dari 300 jenis layanan perizinan dan kependudukan tersedia di satu gedung.', ['mpp', 'perizinan']],
  ['layanan-publik', 'Penerangan jalan umum baru terpasang di 40 titik', 'Dishub memasang lampu LED hemat energi di jalan lingkungan yang selama ini gelap.', ['pju', 'dishub']],
  ['layanan-publik', 'Pendaftaran air bersih PDAM dibuka untuk 2.000 rumah', 'Warga di Neglasari dan Benda dapat mendaftar sambungan baru dengan biaya ringan.', ['air-bersih', 'neglasari']],
  ['layanan-publik', 'Call center 112 kini terhubung dengan ambulans kelurahan', 'Panggilan darurat diteruskan ke ambulans terdekat dalam hitungan menit.', ['darurat', '112']],
  ['kesehatan', 'Imunisasi campak dan rubela sasar 90 ribu anak', 'Dinkes membuka pos imunisasi di sekolah, posyandu dan puskesmas selama sebulan.', ['imunisasi', 'anak']],
  ['kesehatan', 'Puskesmas Karawaci buka layanan malam', 'Pelayanan umum dan gawat darurat ringan kini tersedia hingga pukul 21.00.', ['puskesmas', 'karawaci']],
  ['kesehatan', 'Kasus demam berdarah turun berkat gerakan satu rumah satu jumantik', 'Pemeriksaan jentik mingguan oleh warga menurunkan kasus hingga separuhnya.', ['dbd', 'jumantik']],
  ['kesehatan', 'Pemeriksaan kesehatan gratis untuk lansia di 13 kecamatan', 'Lansia dapat memeriksa tekanan darah, gula darah dan kolesterol tanpa biaya.', ['lansia', 'cek-kesehatan']],
  ['kesehatan', 'Stunting turun, kader posyandu dapat pelatihan lanjutan', 'Angka stunting kota terus menurun; kader dilatih memantau tumbuh kembang balita.', ['stunting', 'posyandu']],
  ['kesehatan', 'RSUD tambah ruang rawat inap kelas standar', 'Seratus tempat tidur baru disiapkan untuk peserta JKN.', ['rsud', 'jkn']],
  ['kesehatan', 'Warga diimbau waspada ISPA saat musim kemarau', 'Dinkes meminta warga memakai masker saat berkendara dan memperbanyak minum air.', ['ispa', 'kemarau']],
  ['pendidikan', 'PPDB SD dan SMP negeri dibuka secara daring', 'Pendaftaran peserta didik baru memakai jalur zonasi, afirmasi, perpindahan dan prestasi.', ['ppdb', 'sekolah']],
  ['pendidikan', 'Beasiswa kuliah untuk 500 pelajar berprestasi', 'Pemkot membiayai kuliah pelajar dari keluarga kurang mampu di perguruan tinggi negeri.', ['beasiswa', 'kuliah']],
  ['pendidikan', 'Perpustakaan keliling singgah di taman kota setiap Minggu', 'Anak-anak dapat membaca dan meminjam buku gratis di taman tematik.', ['perpustakaan', 'literasi']],
  ['pendidikan', 'Seratus guru honorer diangkat menjadi PPPK', 'Para guru menerima surat keputusan dan mulai bertugas bulan depan.', ['guru', 'pppk']],
  ['pendidikan', 'Sekolah ramah anak bertambah di Ciledug dan Larangan', 'Dua puluh sekolah memenuhi standar keamanan, kebersihan dan partisipasi anak.', ['sekolah-ramah-anak', 'ciledug']],
  ['pendidikan', 'Lomba robotik pelajar SMP diikuti 60 tim', 'Pemenang akan mewakili kota di kompetisi tingkat provinsi Banten.', ['robotik', 'lomba']],
  ['ekonomi', 'Harga beras dan minyak goreng stabil jelang akhir tahun', 'Pemantauan di enam pasar menunjukkan harga bahan pokok tidak bergejolak.', ['harga', 'pasar']],
  ['ekonomi', 'Bazar UMKM di Taman Potret hadirkan 150 pelaku usaha', 'Produk kuliner, kerajinan dan busana lokal dipamerkan selama tiga hari.', ['umkm', 'bazar']],
  ['ekonomi', 'Job fair Disnaker tawarkan 3.000 lowongan kerja', 'Puluhan perusahaan membuka lowongan untuk lulusan SMA, SMK dan perguruan tinggi.', ['lowongan', 'disnaker']],
  ['ekonomi', 'Pelatihan digital marketing untuk 200 pelaku UMKM', 'Peserta belajar memotret produk, menulis deskripsi dan berjualan di lokapasar.', ['umkm', 'pelatihan']],
  ['ekonomi', 'Revitalisasi Pasar Anyar memasuki tahap akhir', 'Pedagang akan menempati kios baru yang lebih bersih dan tertata awal tahun depan.', ['pasar-anyar', 'revitalisasi']],
  ['ekonomi', 'Izin usaha mikro kini terbit dalam satu hari', 'Pelaku usaha mikro cukup mendaftar daring untuk memperoleh nomor induk berusaha.', ['perizinan', 'umkm']],
  ['lingkungan', 'Bank sampah kelurahan kumpulkan 40 ton sampah plastik', 'Warga menukar sampah terpilah dengan tabungan dan kebutuhan pokok.', ['bank-sampah', 'plastik']],
  ['lingkungan', 'Normalisasi Kali Sabi kurangi genangan di Karawaci', 'Pengerukan sedimen memperlancar aliran air saat hujan deras.', ['banjir', 'karawaci']],
  ['lingkungan', 'Sepuluh ribu pohon ditanam di bantaran Cisadane', 'Penanaman melibatkan pelajar, komunitas dan perusahaan di sepanjang sungai.', ['cisadane', 'penghijauan']],
  ['lingkungan', 'Jadwal pengangkutan sampah baru berlaku di enam kecamatan', 'DLH mengatur ulang rute truk agar sampah terangkut sebelum pukul 10.00.', ['sampah', 'dlh']],
  ['lingkungan', 'Uji emisi gratis untuk kendaraan pribadi', 'Pemilik mobil dan motor dapat menguji emisi di lima lokasi selama sepekan.', ['emisi', 'udara']],
  ['lingkungan', 'Taman tematik baru dibuka di Kecamatan Pinang', 'Taman dilengkapi area bermain anak, jalur pejalan kaki dan sumur resapan.', ['taman', 'pinang']],
  ['lingkungan', 'Warga diajak memilah sampah dari rumah', 'Sampah organik diolah menjadi kompos, sampah anorganik disetor ke bank sampah.', ['sampah', 'pilah-sampah']],
];

const closings: Record<string, string> = {
  pemerintahan: 'Pemerintah kota mengajak warga mengikuti perkembangan kebijakan ini dan menyampaikan masukan melalui kanal resmi.',
  'layanan-publik': 'Warga yang mengalami kendala dapat menyampaikan aduan melalui aplikasi atau datang langsung ke kantor layanan terdekat.',
  kesehatan: 'Dinas Kesehatan mengingatkan warga untuk menjaga pola hidup bersih dan sehat serta memeriksakan diri bila mengalami gejala.',
  pendidikan: 'Informasi lengkap tersedia di sekolah masing-masing dan di laman resmi Dinas Pendidikan.',
  ekonomi: 'Pemerintah kota terus memantau harga dan mendampingi pelaku usaha agar ekonomi warga tumbuh.',
  lingkungan: 'Kebersihan dan kelestarian lingkungan adalah tanggung jawab bersama seluruh warga kota.',
};

/** The body of a demo article: a few paragraphs, a subheading and a quote, as the editor would write them. */
export function demoBody(category: string, title: string, summary: string, index: number): string {
  return [
    `<p>${summary}</p>`,
    `<p>Kegiatan ini merupakan bagian dari program kerja tahun berjalan. Menurut kepala dinas terkait, "${title.toLowerCase()}" diharapkan dapat dirasakan langsung manfaatnya oleh warga di seluruh kecamatan.</p>`,
    '<h2>Yang perlu diketahui warga</h2>',
    '<ul><li>Informasi jadwal dan lokasi diumumkan melalui kelurahan.</li><li>Layanan tidak dipungut biaya.</li><li>Pertanyaan dapat disampaikan ke call center kota.</li></ul>',
    `<blockquote><p>Kami ingin setiap warga mendapatkan layanan yang cepat, mudah dan terbuka.</p></blockquote>`,
    `<p>${closings[category] ?? ''} Catatan ${index + 1}.</p>`,
  ].join('');
}

const colours: Record<string, [string, string]> = {
  pemerintahan: ['#0b5cad', '#5aa0e6'],
  'layanan-publik': ['#00796b', '#4db6ac'],
  kesehatan: ['#c62828', '#ef9a9a'],
  pendidikan: ['#6a1b9a', '#ba68c8'],
  ekonomi: ['#e65100', '#ffb74d'],
  lingkungan: ['#2e7d32', '#81c784'],
};

/** A demo picture drawn at seed time (no download): a gradient with simple city shapes, 1200×675. */
export function demoSvg(category: string, variant: number): string {
  const [dark, light] = colours[category] ?? ['#333333', '#999999'];
  const buildings = Array.from({ length: 9 }, (_, index) => {
    const height = 140 + ((index * 73 + variant * 41) % 260);
    return `<rect x="${40 + index * 125}" y="${560 - height}" width="95" height="${height}" fill="#ffffff" fill-opacity="${0.25 + (index % 3) * 0.12}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${light}"/></linearGradient></defs><rect width="1200" height="675" fill="url(#g)"/><circle cx="${900 - variant * 180}" cy="150" r="70" fill="#fff7d6" fill-opacity="0.8"/>${buildings}<rect y="560" width="1200" height="115" fill="#000000" fill-opacity="0.25"/></svg>`;
}
