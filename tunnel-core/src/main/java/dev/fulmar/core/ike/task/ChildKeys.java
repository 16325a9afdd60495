package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import dev.fulmar.core.ike.crypto.ChildSuite;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import dev.fulmar.core.ike.crypto.RefusedAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * KEYMAT of a CHILD SA made by CREATE_CHILD_SA (RFC 7296 §2.17, RFC 9370 §2.2.4): from the IKE
 * SA's SK_d, the shared secrets of every key exchange of the exchange (none without PFS) and the
 * exchange's nonces.
 */
final class ChildKeys {
  private ChildKeys() {}

  static ChildSaKeys derive(TaskContext ctx, Algorithm encryption, Algorithm integrity,
      KeyExchangeRounds kes, byte[] ni, byte[] nr, FailureStep step) throws TaskFailure {
    List<Integer> methods = new ArrayList<>();
    kes.methods().forEach(m -> methods.add(m.transformId()));
    try {
      ChildSuite suite = ChildSuite.of(encryption.transformId(), encryption.keyBits(),
          integrity == null ? 0 : integrity.transformId(), methods);
      return KeyDerivation.childSaKeys(ctx.sa.keys().material(), suite, kes.secrets(), ni, nr);
    } catch (RefusedAlgorithmException e) {
      throw TaskFailure.of(step, ErrorCode.WEAK_ALGORITHM,
          "who", "the gateway chose", "algorithm", e.getMessage()).causedBy(e);
    } finally {
      kes.wipe();
    }
  }

  /** A fresh inbound SPI: random, never one of the reserved values below 256 (RFC 4303 §2.1). */
  static int newSpi(TaskContext ctx) {
    int spi;
    do {
      spi = ctx.env.random().nextInt();
    } while ((spi & 0xffffffffL) < 256
        || ctx.sa.childByInboundSpi(spi & 0xffffffffL).isPresent());
    return spi;
  }

  /** A fresh nonce of {@link Nonces#LENGTH} octets. */
  static byte[] newNonce(TaskContext ctx) {
    byte[] n = new byte[Nonces.LENGTH];
    ctx.env.random().nextBytes(n);
    return n;
  }
}
