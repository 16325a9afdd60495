package dev.fulmar.core.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.junit.jupiter.api.Test;

class ModpKeyExchangeTest {

  /** RFC 3526 §3, §4, §5: the k of each prime's formula. */
  private static final int K_2048 = 124476;

  private static final int K_3072 = 1690314;
  private static final int K_4096 = 240904;

  @Test
  void primesFollowTheRfc3526Formula() {
    assertThat(ModpGroup.MODP_2048.prime).isEqualTo(rfc3526Prime(2048, K_2048));
    assertThat(ModpGroup.MODP_3072.prime).isEqualTo(rfc3526Prime(3072, K_3072));
    assertThat(ModpGroup.MODP_4096.prime).isEqualTo(rfc3526Prime(4096, K_4096));
  }

  @Test
  void primesMatchBouncyCastlesCopyOfRfc3526() {
    assertThat(ModpGroup.MODP_2048.prime).isEqualTo(DHStandardGroups.rfc3526_2048.getP());
    assertThat(ModpGroup.MODP_3072.prime).isEqualTo(DHStandardGroups.rfc3526_3072.getP());
    assertThat(ModpGroup.MODP_4096.prime).isEqualTo(DHStandardGroups.rfc3526_4096.getP());
    assertThat(DHStandardGroups.rfc3526_2048.getG()).isEqualTo(ModpGroup.GENERATOR);
  }

  @Test
  void agreesWithAnInMemoryResponderInEveryGroup() throws Exception {
    for (int method : new int[] {14, 15, 16}) {
      KeyExchange initiator = KeyExchanges.initiate(method, new SeededSecureRandom("i" + method));
      KeyExchangeResponse responder =
          KeyExchanges.respond(
              method, initiator.publicValue(), new SeededSecureRandom("r" + method));
      int length = KeyExchanges.initiatorValueLength(method);
      assertThat(initiator.publicValue()).hasSize(length);
      assertThat(responder.publicValue()).hasSize(length);
      assertThat(initiator.computeSharedSecret(responder.publicValue()))
          .hasSize(length)
          .isEqualTo(responder.sharedSecret());
    }
  }

  @Test
  void refusesValuesOutsideOneToPMinusOne() throws Exception {
    BigInteger p = ModpGroup.MODP_2048.prime;
    BigInteger[] bad = {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p};
    for (BigInteger y : bad) {
      KeyExchange ke = KeyExchanges.initiate(Algorithms.MODP_2048, new SeededSecureRandom("y"));
      assertThatThrownBy(() -> ke.computeSharedSecret(Bytes.unsignedFixed(y, 256)))
          .isInstanceOf(InvalidKeyExchangeException.class)
          .hasMessage("invalid MODP_2048 key exchange data: public value is not in 1 < y < p-1");
    }
    byte[] tooLong = new byte[257];
    tooLong[256] = 2;
    assertThatThrownBy(
            () -> KeyExchanges.respond(Algorithms.MODP_2048, tooLong, new SeededSecureRandom("l")))
        .isInstanceOf(InvalidKeyExchangeException.class)
        .hasMessageContaining("expected 256 bytes (the length of the prime), got 257");
  }

  @Test
  void acceptsTheSmallestAndLargestValidValues() throws Exception {
    BigInteger p = ModpGroup.MODP_2048.prime;
    for (BigInteger y : new BigInteger[] {BigInteger.TWO, p.subtract(BigInteger.TWO)}) {
      KeyExchange ke = KeyExchanges.initiate(Algorithms.MODP_2048, new SeededSecureRandom("v"));
      assertThat(ke.computeSharedSecret(Bytes.unsignedFixed(y, 256))).hasSize(256);
    }
  }

  @Test
  void refusesSmallGroupsWithTheirNames() {
    assertThatThrownBy(
            () -> KeyExchanges.initiate(Algorithms.MODP_1024, new SeededSecureRandom("")))
        .isInstanceOf(RefusedAlgorithmException.class)
        .hasMessageStartingWith("1024-bit MODP group 2 (MODP_1024) is refused");
  }

  /** 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) * pi) + k), RFC 3526. */
  private static BigInteger rfc3526Prime(int n, int k) {
    int guard = 64;
    BigInteger floor = piTimesPowerOfTwo(n - 130 + guard).shiftRight(guard);
    return BigInteger.TWO
        .pow(n)
        .subtract(BigInteger.TWO.pow(n - 64))
        .subtract(BigInteger.ONE)
        .add(floor.add(BigInteger.valueOf(k)).shiftLeft(64));
  }

  /** floor(pi * 2^bits), nearly: Machin's formula pi = 16 atan(1/5) - 4 atan(1/239). */
  private static BigInteger piTimesPowerOfTwo(int bits) {
    BigInteger one = BigInteger.ONE.shiftLeft(bits);
    return arctanInverse(5, one).shiftLeft(4).subtract(arctanInverse(239, one).shiftLeft(2));
  }

  /** atan(1/x) * one, by its Taylor series in fixed point. */
  private static BigInteger arctanInverse(int x, BigInteger one) {
    BigInteger x2 = BigInteger.valueOf((long) x * x);
    BigInteger power = one.divide(BigInteger.valueOf(x));
    BigInteger sum = power;
    for (int n = 3; power.signum() > 0; n += 2) {
      power = power.divide(x2);
      BigInteger term = power.divide(BigInteger.valueOf(n));
      sum = (n / 2) % 2 == 1 ? sum.subtract(term) : sum.add(term);
    }
    return sum;
  }
}
