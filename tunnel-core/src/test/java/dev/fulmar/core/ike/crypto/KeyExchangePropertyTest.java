package dev.fulmar.core.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile Key Exchange Data: whatever the peer sends, both sides of every method return a value or
 * throw {@link InvalidKeyExchangeException}, never another exception. Half of the inputs have the
 * exact length the method expects, so that content checks are reached, not only length ones.
 */
class KeyExchangePropertyTest {

  private static final int[] METHODS = {14, 19, 20, 21, 31, 35, 36, 37};

  @Property(tries = 150)
  void initiatorAcceptsOrRejectsAnyResponderValueWithATypedError(
      @ForAll("peerValues") PeerValue peer) throws Exception {
    KeyExchange ke = KeyExchanges.initiate(peer.method, new SeededSecureRandom("p"));
    try {
      assertThat(ke.computeSharedSecret(peer.value)).isNotEmpty();
    } catch (InvalidKeyExchangeException e) {
      assertThat(e.method()).isEqualTo(peer.method);
      assertThat(e.getMessage()).contains(Algorithms.name(TransformKind.KEY_EXCHANGE, peer.method));
    }
    assertThat(ke.isDestroyed()).isTrue();
  }

  @Property(tries = 150)
  void responderAcceptsOrRejectsAnyInitiatorValueWithATypedError(
      @ForAll("peerValues") PeerValue peer) throws Exception {
    try {
      KeyExchangeResponse response =
          KeyExchanges.respond(peer.method, peer.value, new SeededSecureRandom("q"));
      assertThat(response.sharedSecret()).isNotEmpty();
    } catch (InvalidKeyExchangeException e) {
      assertThat(e.method()).isEqualTo(peer.method);
    }
  }

  @Provide
  Arbitrary<PeerValue> peerValues() {
    Arbitrary<Integer> methods =
        Arbitraries.of(
            METHODS[0],
            METHODS[1],
            METHODS[2],
            METHODS[3],
            METHODS[4],
            METHODS[5],
            METHODS[6],
            METHODS[7]);
    Arbitrary<Boolean> exact = Arbitraries.of(true, false);
    Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(1700);
    return Combinators.combine(
            methods,
            exact,
            any,
            Arbitraries.bytes().array(byte[].class).ofMinSize(1600).ofMaxSize(1600))
        .as(
            (method, useExact, anyBytes, pool) -> {
              if (!useExact) {
                return new PeerValue(method, anyBytes);
              }
              int length = length(method, anyBytes.length % 2 == 0);
              byte[] value = new byte[length];
              for (int i = 0; i < length; i++) {
                value[i] = pool[i % pool.length];
              }
              return new PeerValue(method, value);
            });
  }

  private static int length(int method, boolean initiator) {
    try {
      return initiator
          ? KeyExchanges.initiatorValueLength(method)
          : KeyExchanges.responderValueLength(method);
    } catch (RefusedAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A method and the bytes a hostile peer sends for it. */
  static final class PeerValue {
    final int method;
    final byte[] value;

    PeerValue(int method, byte[] value) {
      this.method = method;
      this.value = value;
    }

    @Override
    public String toString() {
      return Algorithms.name(TransformKind.KEY_EXCHANGE, method) + " " + value.length + " bytes";
    }
  }
}
