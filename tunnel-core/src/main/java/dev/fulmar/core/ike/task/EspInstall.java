package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.EspTransform;
import dev.fulmar.core.esp.SaInstaller;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Hands a negotiated CHILD SA to the data path ({@link SaInstaller}): SPIs, transform, selectors,
 * the gateway's address and the keys as RFC 7296 §2.17 splits KEYMAT (initiator-to-responder keys
 * are our outbound ones). The SA's engine id is our inbound SPI.
 */
final class EspInstall {
  private EspInstall() {}

  static void install(Optional<SaInstaller> installer, ChildSaInfo info, ChildSaKeys keys,
      InetSocketAddress gateway) throws TaskFailure {
    if (installer.isEmpty()) {
      return;
    }
    ChildSaKeys.EspKeys out = keys.initiatorToResponder();
    ChildSaKeys.EspKeys in = keys.responderToInitiator();
    byte[] outEnc = concat(out.cipherKey(), out.salt());
    byte[] inEnc = concat(in.cipherKey(), in.salt());
    byte[] outInt = out.integrityKey();
    byte[] inInt = in.integrityKey();
    try {
      Algorithm integ = info.integrity();
      EspSaPair pair = EspSaPair.builder()
          .childSaId(info.inboundSpi())
          .spis((int) info.inboundSpi(), (int) info.outboundSpi())
          .transform(EspTransform.fromIana(info.encryption().transformId(),
              info.encryption().keyBits(), integ == null ? 0 : integ.transformId()))
          .mode(EspMode.TUNNEL)
          .esn(info.extendedSequenceNumbers())
          .inboundKeys(inEnc, inInt)
          .outboundKeys(outEnc, outInt)
          .localTs(info.localSelectors())
          .remoteTs(info.remoteSelectors())
          .peer(gateway)
          .build();
      installer.get().install(pair);
    } catch (GeneralSecurityException | IllegalArgumentException
        | dev.fulmar.core.esp.UnsupportedTransformException e) {
      throw TaskFailure.of(FailureStep.CHILD_SA, ErrorCode.INTERNAL_ERROR,
          "detail", "the data path refused the CHILD SA: " + e.getMessage()).causedBy(e);
    } finally {
      Arrays.fill(outEnc, (byte) 0);
      Arrays.fill(inEnc, (byte) 0);
      Arrays.fill(outInt, (byte) 0);
      Arrays.fill(inInt, (byte) 0);
    }
  }

  /** Removes a CHILD SA from the data path (after a Delete, on close). */
  static void delete(Optional<SaInstaller> installer, long inboundSpi) {
    installer.ifPresent(i -> i.delete(inboundSpi));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    Arrays.fill(a, (byte) 0);
    Arrays.fill(b, (byte) 0);
    return out;
  }
}
