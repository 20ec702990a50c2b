import type { TranslationTable } from './module.js';

/** "Akun saya"'s texts (namespace `core-account`): loaded with the page, not in every visitor's first script. */
export const accountTranslations: { id: TranslationTable; en: TranslationTable } = {
  id: {
    title: 'Akun saya',
    intro: 'Akun Anda dan hak Anda atas datanya menurut UU Pelindungan Data Pribadi.',
    signInFirst: 'Masuk dulu untuk melihat akun Anda.',
    email: 'Email',
    kind: 'Jenis akun',
    data: {
      title: 'Data saya',
      body: 'Unduh semua yang disimpan aplikasi ini tentang akun Anda, dari setiap layanan, dalam satu berkas (JSON).',
      download: 'Unduh data saya',
    },
    delete: {
      title: 'Hapus akun',
      body: 'Akun, sesi masuk, dan data pribadi Anda di setiap layanan akan dihapus. Laporan dan catatan yang wajib disimpan pemerintah daerah tetap ada, tanpa nama dan kontak Anda. Tindakan ini tidak bisa dibatalkan.',
      password: 'Kata sandi Anda',
      passwordHint: 'Untuk memastikan Anda pemilik akun ini.',
      submit: 'Hapus akun saya',
      confirmTitle: 'Hapus akun ini untuk selamanya?',
      confirmBody: 'Anda tidak bisa masuk lagi dengan akun ini, dan datanya tidak bisa dikembalikan.',
      confirm: 'Ya, hapus akun',
      officer: 'Akun petugas dan admin ditutup oleh admin wilayah. Hubungi admin wilayah Anda.',
    },
    deleted: {
      title: 'Akun Anda sudah dihapus',
      body: 'Data pribadi Anda sudah dihapus dari setiap layanan.',
      status: 'Akun dihapus. Terima kasih telah menggunakan layanan kami.',
    },
  },
  en: {
    title: 'My account',
    intro: "Your account and your rights over its data under Indonesia's Personal Data Protection law.",
    signInFirst: 'Sign in first to see your account.',
    email: 'Email',
    kind: 'Account type',
    data: {
      title: 'My data',
      body: 'Download everything this app keeps about your account, from every service, in one file (JSON).',
      download: 'Download my data',
    },
    delete: {
      title: 'Delete account',
      body: "Your account, your sign-ins and your personal data in every service will be deleted. Reports and records the local government must keep stay, without your name and contact details. This cannot be undone.",
      password: 'Your password',
      passwordHint: 'To make sure you own this account.',
      submit: 'Delete my account',
      confirmTitle: 'Delete this account for good?',
      confirmBody: 'You will not be able to sign in with this account again, and its data cannot be restored.',
      confirm: 'Yes, delete the account',
      officer: "Officer and admin accounts are closed by the region's admin. Contact your region's admin.",
    },
    deleted: {
      title: 'Your account has been deleted',
      body: 'Your personal data has been deleted from every service.',
      status: 'Account deleted. Thank you for using our services.',
    },
  },
};
