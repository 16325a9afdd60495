package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.crypto.IkeSuite;
import dev.fulmar.core.ike.crypto.InvalidKeyExchangeException;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.crypto.Role;
import dev.fulmar.core.ike.crypto.SkCiphers;
import dev.fulmar.core.ike.sa.IkeSa;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Derives and installs the IKE SA's keys (RFC 7296 §2.14, RFC 9370 §2.2.2). */
final class IkeKeys {
  private IkeKeys() {}

  /** SKEYSEED from the IKE_SA_INIT key exchange, then the seven keys and the SK ciphers. */
  static void deriveInitial(TaskContext ctx, Proposals.IkeChoice choice, KeyExchange ke,
      byte[] peerValue) throws TaskFailure {
    byte[] shared = sharedSecret(ke, peerValue, FailureStep.IKE_SA_INIT);
    try {
      IkeSuite suite = suite(choice);
      IkeSaKeys keys = KeyDerivation.ikeSaKeys(suite, shared, ctx.nonceI, ctx.nonceR,
          ctx.sa.spiInitiator(), ctx.sa.spiResponder());
      install(ctx, keys, FailureStep.IKE_SA_INIT);
    } catch (GeneralSecurityException e) {
      throw TaskFailure.of(FailureStep.IKE_SA_INIT, ErrorCode.INTERNAL_ERROR,
          "detail", e.getMessage()).causedBy(e);
    } finally {
      Arrays.fill(shared, (byte) 0);
    }
  }

  /** SKEYSEED(n) = prf(SK_d(n-1), SK(n) | Ni | Nr), then new keys replace the old ones. */
  static void deriveAfterAdditional(TaskContext ctx, KeyExchange ke, byte[] peerValue)
      throws TaskFailure {
    byte[] shared = sharedSecret(ke, peerValue, FailureStep.IKE_INTERMEDIATE);
    try {
      IkeSaKeys keys = KeyDerivation.afterAdditionalKeyExchange(
          ctx.sa.keys().material(), shared, ctx.nonceI, ctx.nonceR,
          ctx.sa.spiInitiator(), ctx.sa.spiResponder());
      install(ctx, keys, FailureStep.IKE_INTERMEDIATE);
    } finally {
      Arrays.fill(shared, (byte) 0);
    }
  }

  private static void install(TaskContext ctx, IkeSaKeys keys, FailureStep step)
      throws TaskFailure {
    try {
      SkCiphers ciphers = keys.suite().ciphers(keys, Role.INITIATOR, ctx.env.random());
      ctx.sa.setKeys(new IkeSa.Keys(keys, ciphers.outbound(), ciphers.inbound()));
    } catch (GeneralSecurityException e) {
      keys.destroy();
      throw TaskFailure.of(step, ErrorCode.INTERNAL_ERROR, "detail", e.getMessage())
          .causedBy(e);
    }
  }

  private static byte[] sharedSecret(KeyExchange ke, byte[] peerValue, FailureStep step)
      throws TaskFailure {
    try {
      return ke.computeSharedSecret(peerValue);
    } catch (InvalidKeyExchangeException e) {
      throw Proposals.protocol(step, "the gateway's key exchange data is invalid: "
          + e.getMessage());
    } finally {
      ke.destroy();
    }
  }

  static IkeSuite suite(Proposals.IkeChoice c) throws GeneralSecurityException {
    List<Integer> extra = new ArrayList<>();
    c.additionalKeyExchanges().forEach(a -> extra.add(a.transformId()));
    Algorithm integ = c.integrity();
    return IkeSuite.of(c.encryption().transformId(), c.encryption().keyBits(),
        c.prf().transformId(), integ == null ? 0 : integ.transformId(),
        c.keyExchange().transformId(), extra);
  }
}
