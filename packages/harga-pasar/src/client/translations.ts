export const translations = {
  id: {
    nav: { title: 'Harga Pasar', description: 'Harga bahan pokok hari ini di pasar-pasar kota' },
    board: {
      title: 'Harga bahan pokok',
      dataOf: 'Data tanggal {{date}}',
      empty: 'Belum ada harga yang diterbitkan.',
      loading: 'Memuat harga…',
      error: 'Harga tidak dapat dimuat. Coba lagi nanti.',
      average: 'Rata-rata kota per {{unit}}',
      range: 'Termurah {{lowest}} ({{lowestMarket}}), termahal {{highest}} ({{highestMarket}})',
      vsYesterday: 'dibanding hari pasar sebelumnya',
      aboveReference: 'Di atas {{kind}} {{price}}',
    },
  },
  en: {
    nav: { title: 'Market prices', description: "Today's staple-food prices in the city's markets" },
    board: {
      title: 'Staple-food prices',
      dataOf: 'Data of {{date}}',
      empty: 'No prices published yet.',
      loading: 'Loading prices…',
      error: 'Prices could not be loaded. Try again later.',
      average: 'City average per {{unit}}',
      range: 'Lowest {{lowest}} ({{lowestMarket}}), highest {{highest}} ({{highestMarket}})',
      vsYesterday: 'vs the previous market day',
      aboveReference: 'Above {{kind}} {{price}}',
    },
  },
};
