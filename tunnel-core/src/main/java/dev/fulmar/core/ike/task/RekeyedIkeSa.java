package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.crypto.IkeSuite;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import dev.fulmar.core.ike.crypto.Role;
import dev.fulmar.core.ike.crypto.SkCiphers;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.SaId;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IKE SA an IKE SA rekey created (RFC 7296 §2.18), keys installed, with the algorithms it
 * negotiated: the session turns it into the current SA, a pending one (collision) or a redundant
 * one to delete.
 *
 * @param sa the new SA; whoever initiated the rekey is its original initiator
 * @param keyExchanges the key exchange of the CREATE_CHILD_SA, then those of IKE_FOLLOWUP_KE
 */
public record RekeyedIkeSa(
    IkeSa sa, Algorithm encryption, Algorithm integrity, Algorithm prf,
    List<Algorithm> keyExchanges) {

  public RekeyedIkeSa {
    keyExchanges = List.copyOf(keyExchanges);
  }

  /**
   * Derives the new SA's keys from the old SA's SK_d (RFC 9370 §2.2.4 with several exchanges):
   * SKEYSEED = prf(SK_d, SK(0) | Ni | Nr | SK(1) | ... ), then the seven keys with the new SPIs.
   *
   * @param weInitiated whether we started the rekey (we are the new SA's original initiator)
   */
  static RekeyedIkeSa derive(TaskContext ctx, SaId id, boolean weInitiated, long ourSpi,
      long theirSpi, Algorithm encryption, Algorithm integrity, Algorithm prf,
      KeyExchangeRounds kes, byte[] ni, byte[] nr) throws TaskFailure {
    List<Algorithm> methods = kes.methods();
    List<Integer> extra = new ArrayList<>();
    methods.stream().skip(1).forEach(a -> extra.add(a.transformId()));
    long spiI = weInitiated ? ourSpi : theirSpi;
    long spiR = weInitiated ? theirSpi : ourSpi;
    IkeSaKeys keys = null;
    try {
      IkeSuite suite = IkeSuite.of(encryption.transformId(), encryption.keyBits(),
          prf.transformId(), integrity == null ? 0 : integrity.transformId(),
          methods.get(0).transformId(), extra);
      keys = KeyDerivation.rekeyedIkeSaKeys(ctx.sa.keys().material(), suite, kes.secrets(), ni,
          nr, spiI, spiR);
      Role role = weInitiated ? Role.INITIATOR : Role.RESPONDER;
      SkCiphers ciphers = suite.ciphers(keys, role, ctx.env.random());
      IkeSa next = new IkeSa(id, weInitiated, ourSpi);
      next.setRemoteSpi(theirSpi);
      next.setKeys(new IkeSa.Keys(keys, ciphers.outbound(), ciphers.inbound()));
      next.setState(IkeSa.State.ESTABLISHED);
      return new RekeyedIkeSa(next, encryption, integrity, prf, methods);
    } catch (GeneralSecurityException e) {
      if (keys != null) {
        keys.destroy();
      }
      throw TaskFailure.of(dev.fulmar.core.api.FailureStep.REKEY,
          dev.fulmar.core.api.ErrorCode.INTERNAL_ERROR, "detail", e.getMessage()).causedBy(e);
    } finally {
      kes.wipe();
    }
  }

  /** A random non-zero IKE SPI. */
  static long newSpi(TaskContext ctx) {
    return IkeSa.newSpi(ctx.env.random());
  }
}
