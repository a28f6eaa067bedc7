//! The Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998) with the seeding CPython's
//! `_random` uses: `init_by_array` over the 32-bit words of the seed, least significant word
//! first, and 53-bit floats made from two 32-bit outputs.

/// The number of 32-bit words of state.
pub(crate) const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// One generator: the state words and the position of the next word to temper.
#[derive(Clone)]
pub(crate) struct Mt {
    pub(crate) state: [u32; N],
    /// `0..=N`; `N` means the state must be regenerated before the next output.
    pub(crate) index: usize,
}

impl Mt {
    /// A generator seeded with the single word `s` (the reference `init_genrand`).
    pub(crate) fn from_word(s: u32) -> Mt {
        let mut state = [0u32; N];
        state[0] = s;
        for i in 1..N {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        Mt { state, index: N }
    }

    /// A generator seeded with `key` (the reference `init_by_array`); an empty key is
    /// treated as `[0]`, as CPython seeds with 0.
    pub(crate) fn from_key(key: &[u32]) -> Mt {
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        let mut g = Mt::from_word(19_650_218);
        let mt = &mut g.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        // The most significant bit is 1, so the state is never all zeros.
        mt[0] = 0x8000_0000;
        g
    }

    /// Regenerates all `N` words.
    fn twist(&mut self) {
        let mt = &mut self.state;
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for k in 0..N {
            let y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    /// The next 32-bit output.
    #[inline]
    pub(crate) fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in `[0, 1)` with 53 random bits (`genrand_res53`).
    #[inline]
    pub(crate) fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `k` random bits, `1 <= k <= 32`, from the top of one output.
    #[inline]
    pub(crate) fn bits32(&mut self, k: u32) -> u32 {
        self.next_u32() >> (32 - k)
    }

    /// `k >= 1` random bits as little-endian 32-bit words (the last word holds the top
    /// `k % 32` bits of its output when `k` is not a multiple of 32), as `getrandbits`
    /// builds big results.
    pub(crate) fn bits_words(&mut self, k: u64) -> Vec<u32> {
        let mut left = k;
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        while left > 0 {
            let r = self.next_u32();
            if left < 32 {
                words.push(r >> (32 - left));
                left = 0;
            } else {
                words.push(r);
                left -= 32;
            }
        }
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_outputs_of_init_by_array() {
        // The reference implementation's mt19937ar.out: init_by_array({0x123, 0x234,
        // 0x345, 0x456}) begins with these outputs.
        let mut g = Mt::from_key(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| g.next_u32()).collect();
        assert_eq!(first, [1_067_595_299, 955_945_823, 477_289_528, 4_107_218_783, 4_228_976_476]);
    }

    #[test]
    fn seed_zero_is_cpythons_random_seed_0() {
        // CPython: random.seed(0); random.random() == 0.8444218515250481
        let mut g = Mt::from_key(&[0]);
        assert_eq!(g.next_f64(), 0.844_421_851_525_048_1);
    }

    #[test]
    fn bits_words_trims_the_last_word() {
        let mut a = Mt::from_key(&[7]);
        let mut b = a.clone();
        let w = a.bits_words(40);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0], b.next_u32());
        assert_eq!(w[1], b.next_u32() >> 24);
    }
}
