import { IsNumber } from 'class-validator';

/** The rules every welfare request body shares: ids a client chooses, and amounts in satang. */
export const idPattern = /^[A-Za-z0-9._:-]{1,100}$/;
export const idMessage = { message: 'must be 1 to 100 letters, digits, dots, dashes, underscores or colons' };
export const satang = { description: 'whole satang (1 baht = 100 satang), more than 0', example: 300_000 };

/** A finite number (whole and positive is the domain's to say, naming the field): `amount`, `standardAmount`. */
export const IsSatang = () => IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of satang' });
