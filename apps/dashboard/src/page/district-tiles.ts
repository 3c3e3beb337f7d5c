/**
 * Where each of Khon Kaen's 26 districts sits on the tile map: [row, column] on a 6 × 6 grid, placed by hand roughly
 * as the districts lie (north at the top; Phu Pha Man and Chum Phae in the west, Mueang Khon Kaen in the middle,
 * Phon and Nong Song Hong in the south-east). A tile map, not a survey map: every district gets the same room.
 */
export const districtTiles: Readonly<Record<string, readonly [row: number, column: number]>> = {
  '4020': [1, 1],
  '4006': [1, 2],
  '4008': [1, 4],
  '4019': [1, 5],
  '4005': [2, 1],
  '4023': [2, 2],
  '4016': [2, 3],
  '4007': [2, 4],
  '4009': [2, 5],
  '4021': [2, 6],
  '4029': [3, 2],
  '4004': [3, 3],
  '4002': [3, 4],
  '4001': [3, 5],
  '4017': [4, 2],
  '4022': [4, 3],
  '4003': [4, 4],
  '4024': [4, 5],
  '4018': [5, 3],
  '4025': [5, 4],
  '4010': [5, 5],
  '4011': [5, 6],
  '4013': [6, 3],
  '4014': [6, 4],
  '4012': [6, 5],
  '4015': [6, 6],
};
