import type { TripCheckError } from '../../../shared/schemas/trips';
import { checkError } from '../trips/check-error';
import { validateContainerNumber } from './containers';
import { validatePlate, type PlateCountry } from './plates';

// Checks of vehicle and driver details that a schema cannot express. Each returns every
// problem at once, so the user fixes the whole form in one go.

export interface CheckedPlate {
  canonical: string;
  country: PlateCountry;
  province: string;
}

export function checkVehiclePlate(plate: string, country: PlateCountry | undefined, problems: TripCheckError[]): CheckedPlate | null {
  const v = validatePlate(plate, country);
  if (!v.ok) {
    problems.push(checkError('/plate', v.code));
    return null;
  }
  if (v.kind === 'trailer') {
    problems.push(checkError('/plate', 'plate.invalid_format', { vi: 'Đây là biển số rơ-moóc; hãy khai ở ô rơ-moóc.', en: 'This is a trailer plate; enter it as the trailer.' }));
    return null;
  }
  return { canonical: v.canonical, country: v.country, province: v.province };
}

export function checkTrailerPlate(plate: string | null | undefined, problems: TripCheckError[]): string | null {
  if (!plate) return null;
  const v = validatePlate(plate);
  if (!v.ok) {
    problems.push(checkError('/trailerPlate', v.code));
    return null;
  }
  if (v.kind !== 'trailer') {
    problems.push(checkError('/trailerPlate', 'plate.not_trailer'));
    return null;
  }
  return v.canonical;
}

export function checkContainers(numbers: string[], basePath: string, problems: TripCheckError[]): string[] {
  const out: string[] = [];
  numbers.forEach((n, i) => {
    const v = validateContainerNumber(n);
    if (v.ok) out.push(v.canonical);
    else if (v.reason === 'format') {
      problems.push(checkError(`${basePath}/${i}`, 'fleet.container_check_digit', {
        vi: 'Số container gồm 3 chữ cái chủ sở hữu, chữ U, J hoặc Z và 7 chữ số.',
        en: 'A container number has a 3-letter owner code, U, J or Z, and 7 digits.',
      }));
    } else {
      problems.push(checkError(`${basePath}/${i}`, 'fleet.container_check_digit', {
        vi: `Với các ký tự đã nhập, chữ số kiểm tra phải là ${v.expected}.`,
        en: `With the characters entered, the check digit would be ${v.expected}.`,
      }));
    }
  });
  return out;
}

/** Passport and border-pass numbers are compared upper case without spaces. */
export function normaliseDocumentNumber(input: string): string {
  return input.toUpperCase().replace(/\s/g, '');
}
