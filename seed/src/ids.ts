/**
 * Identifier values that never collide within one bundle: every value comes from a counter pushed
 * through a bijection of its digit space, so no set of used values is kept (national holds
 * millions). All counters live in one `Identifiers` object per run, so two runs never share state.
 */
import { BANKS, FOREIGN_CARRIERS, GATEWAY, HANDSETS, PHONE_PREFIXES, VIRTUAL_PREFIXES, type Bank } from './names';
import { REGIONS } from './places';
import type { Rng } from './rng';
import { DAY } from './time';

/** (a·n + b) mod m; a is coprime with 10 so the map is a bijection of [0, m). */
function perm(n: number, m: number, a: number, b: number): number {
  // a < 2^22 and n < 2^31 keep the product exact in a double.
  return (((a * (n % m)) % m) + b) % m;
}

/**
 * A well-mixed bijection of `width`-digit numbers (width ≤ 9): an invertible xor-shift/multiply
 * mixer on the smallest power-of-two range that holds them, walked until the value falls inside.
 * An affine map alone leaves consecutive values visibly evenly spaced.
 */
const SCRAMBLE = Array.from({ length: 10 }, (_, width) => {
  const m = 10 ** width;
  let k = 1;
  while (2 ** k < m) k++;
  return { m, mask: (1 << k) - 1, half: k >> 1 };
});

function scramble(n: number, width: number, key: number): string {
  const { m, mask, half } = SCRAMBLE[width]!;
  let x = n % m;
  do {
    x = (x ^ key) & mask;
    x = (x ^ (x >>> half)) & mask;
    x = Math.imul(x, 0x2c1b3c6d) & mask;
    x = (x ^ (x >>> half)) & mask;
    x = Math.imul(x, 0x297a2d39) & mask;
    x = (x ^ (x >>> half)) & mask;
  } while (x >= m);
  return String(x).padStart(width, '0');
}

/** Twelve digits from two six-digit halves, each scrambled, the second keyed by the first. */
function perm12(n: number): number {
  const lo = perm(n % 1e6, 1e6, 7919, 104729);
  const hi = perm((Math.floor(n / 1e6) + lo) % 1e6, 1e6, 6007, 31337);
  return hi * 1e6 + lo;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function luhnDigit(body: string): string {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

/** Births from 1940-01-01 to 2009-12-31, as days before 2024-01-01. */
const BIRTH_FIRST_YEAR = 1940;
const BIRTH_DAYS = Math.round((Date.UTC(2010, 0, 1) - Date.UTC(BIRTH_FIRST_YEAR, 0, 1)) / 86400000);

const birthDates: string[] = [];
function birthDate(day: number): string {
  return (birthDates[day] ??= new Date(Date.UTC(BIRTH_FIRST_YEAR, 0, 1) + day * DAY * 1000).toISOString().slice(0, 10).replaceAll('-', ''));
}

const ALPHA = 'abcdefghijklmnopqrstuvwxyz'.split('');

export interface PhoneValue {
  id: string;
  number: string;
  carrier: string;
}

export class Identifiers {
  /**
   * Runs split into partitions (generated side by side, see generate.ts) draw every counter from
   * interleaved sequences, n·stride + offset, so their values never collide either.
   */
  constructor(
    private readonly stride = 1,
    private readonly offset = 0,
  ) {}

  private phoneN = 0;
  private virtualN = 0;
  private foreignN = 0;
  private readonly cardN = new Map<string, number>();
  private corporateN = 0;
  private qqN = 0;
  private wxN = 0;
  private aliN = 0;
  private tgN = 0;
  private imeiN = 0;
  private gatewayN = 0;
  private txN = 0;
  /** Per (region, birth day, gender) sequence numbers: the 3 digits before the check digit. */
  private readonly idSeq = new Uint16Array(REGIONS.length * BIRTH_DAYS * 2);

  mobile(homeRegion = ''): PhoneValue & { homeRegion: string } {
    const n = this.phoneN++ * this.stride + this.offset;
    const p = PHONE_PREFIXES[n % PHONE_PREFIXES.length]!;
    const number = `+86${p.prefix}${scramble(Math.floor(n / PHONE_PREFIXES.length), 8, 0x5bd1e99 + (n % PHONE_PREFIXES.length))}`;
    return { id: `phone:${number}`, number, carrier: p.carrier, homeRegion };
  }

  virtual(): PhoneValue {
    const n = this.virtualN++ * this.stride + this.offset;
    const p = VIRTUAL_PREFIXES[n % VIRTUAL_PREFIXES.length]!;
    const number = `+86${p.prefix}${scramble(Math.floor(n / VIRTUAL_PREFIXES.length), 7, 0x1b873593 + (n % VIRTUAL_PREFIXES.length))}`;
    return { id: `phone:${number}`, number, carrier: p.carrier };
  }

  foreign(dial: string): PhoneValue {
    const n = this.foreignN++ * this.stride + this.offset;
    const local =
      dial === '855' ? `1${scramble(n, 7, 0x85ebca6b)}` : dial === '95' ? `9${scramble(n, 9, 0xc2b2ae35)}` : `20${scramble(n, 8, 0x27d4eb2f)}`;
    const number = `+${dial}${local}`;
    return { id: `phone:${number}`, number, carrier: FOREIGN_CARRIERS[dial] ?? '境外运营商' };
  }

  card(bank: Bank): { id: string; number: string } {
    const k = this.cardN.get(bank.bin) ?? 0;
    this.cardN.set(bank.bin, k + 1);
    const n = k * this.stride + this.offset;
    const salt = Number(bank.bin) % 99_991;
    const body = bank.length === 19 ? pad(perm12(n + salt * 7_919), 12) : pad(perm(n + salt * 7_919, 1e9, 1299709, 2718281), 9);
    const number = bank.bin + body + luhnDigit(bank.bin + body);
    return { id: `card:${number}`, number };
  }

  corporate(bank: Bank): { id: string; number: string } {
    const n = this.corporateN++ * this.stride + this.offset;
    const number = `${bank.corporate}${pad(perm12(n + 500000), 12)}${pad(n % 997, 3)}`;
    return { id: `card:${number}`, number };
  }

  qq(): { id: string; handle: string } {
    const n = this.qqN++ * this.stride + this.offset;
    const handle = String(100000000 + perm(n, 1900000000, 1664527, 1013904));
    return { id: `qq:${handle}`, handle };
  }

  wechat(rng: Rng): { id: string; handle: string } {
    const n = this.wxN++ * this.stride + this.offset;
    const handle = `wxid_${perm12(n).toString(36).padStart(8, '0')}${rng.pick(ALPHA)}${rng.pick(ALPHA)}${rng.int(10, 99)}`;
    return { id: `wechat:${handle}`, handle };
  }

  alipay(rng: Rng): { id: string; handle: string } {
    const n = this.aliN++ * this.stride + this.offset;
    const handle = `${rng.pick(ALPHA)}${rng.pick(ALPHA)}${perm(n, 1e8, 1103513, 12345).toString(36)}@${rng.pick(['163.com', 'qq.com', '126.com', 'sina.com'])}`;
    return { id: `alipay:${handle}`, handle };
  }

  telegram(rng: Rng): { id: string; handle: string } {
    const n = this.tgN++ * this.stride + this.offset;
    const handle = `${rng.pick(['boss', 'king', 'lao', 'tiger', 'dragon', 'jin', 'ace'])}_${perm(n + 1_732_050, 1e7, 1234577, 31).toString(36)}`;
    return { id: `telegram:${handle}`, handle };
  }

  imei(gateway = false): { id: string; imei: string; model: string } {
    const n = (gateway ? this.gatewayN++ : this.imeiN++) * this.stride + this.offset;
    const h = gateway ? GATEWAY : HANDSETS[n % HANDSETS.length]!;
    const body = h.tac + pad(perm((gateway ? n : Math.floor(n / HANDSETS.length)) + 271_828, 1e6, 7877, 4242), 6);
    const imei = body + luhnDigit(body);
    return { id: `imei:${imei}`, imei, model: h.model };
  }

  /** A bank transaction serial, unique within the bundle. */
  txId(bank: Bank, sec: number): string {
    const n = this.txN++ * this.stride + this.offset;
    return `${bank.bin.slice(0, 4)}${sec.toString(36).toUpperCase()}${pad(perm(n, 1e8, 2654437, 97), 8)}`;
  }

  /**
   * An 18-character national ID: region code, birth date, a sequence number whose parity is the
   * gender, and the ISO 7064 check digit. Sequence numbers count per (region, date, gender), so
   * two people never share one.
   */
  nationalId(regionIndex: number, birthYear: number, gender: 'F' | 'M', rng: Rng): string {
    const region = REGIONS[regionIndex]!;
    const yearStart = Math.round((Date.UTC(birthYear, 0, 1) - Date.UTC(BIRTH_FIRST_YEAR, 0, 1)) / 86400000);
    const yearLen = Math.round((Date.UTC(birthYear + 1, 0, 1) - Date.UTC(birthYear, 0, 1)) / 86400000);
    for (let attempt = 0; attempt < 50; attempt++) {
      const day = Math.min(BIRTH_DAYS - 1, Math.max(0, yearStart + rng.int(0, yearLen - 1)));
      const slot = (regionIndex * BIRTH_DAYS + day) * 2 + (gender === 'M' ? 1 : 0);
      const k = this.idSeq[slot]!;
      const used = k * this.stride + this.offset;
      if (used >= 499) continue;
      this.idSeq[slot] = k + 1;
      const seq = used * 2 + (gender === 'M' ? 1 : 2);
      const date = birthDate(day);
      const first17 = region.code + date + pad(seq, 3);
      return first17 + idCheckDigit(first17);
    }
    throw new Error('national ID space exhausted for a region and year');
  }
}

export { BIRTH_FIRST_YEAR };
