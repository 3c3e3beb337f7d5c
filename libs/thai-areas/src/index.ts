export {
  isKhonKaenDistrict,
  khonKaenDistricts,
  khonKaenProvince,
  khonKaenProvinceCode,
  khonKaenTambons,
  type KhonKaenDistrict,
  type KhonKaenTambon,
} from './khon-kaen';
