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
import dev.fulmar.core.ike.crypto.Role;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Hands a negotiated CHILD SA to the data path ({@link SaInstaller}): SPIs, transform, selectors,
 * the gateway's address and the keys as RFC 7296 §2.17 splits KEYMAT (the initiator-to-responder
 * keys are our outbound ones when we initiated the exchange that created the SA). The SA's engine
 * id is our inbound SPI.
 */
final class EspInstall {
  private EspInstall() {}

  /** How a new CHILD SA enters the data path. */
  enum Mode {
    /** A new SA beside the others. */
    NEW,
    /** Replaces an SA: outbound at once, the old inbound stays until deleted (initiator). */
    REPLACE,
    /** Replaces an SA: inbound at once, outbound when the old one is deleted (responder). */
    REPLACE_INBOUND_FIRST
  }

  static void install(Optional<SaInstaller> installer, ChildSaInfo info, ChildSaKeys keys,
      InetSocketAddress gateway) throws TaskFailure {
    install(installer, info, keys, gateway, Mode.NEW, 0, Role.INITIATOR);
  }

  /**
   * Puts the SA into the data path.
   *
   * @param replaces our inbound SPI of the SA this one replaces (modes other than NEW)
   * @param role our role in the exchange that created the SA (it decides the key directions)
   */
  static void install(Optional<SaInstaller> installer, ChildSaInfo info, ChildSaKeys keys,
      InetSocketAddress gateway, Mode mode, long replaces, Role role) throws TaskFailure {
    if (installer.isEmpty()) {
      return;
    }
    ChildSaKeys.EspKeys out = keys.outbound(role);
    ChildSaKeys.EspKeys in = keys.inbound(role);
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
      switch (mode) {
        case NEW -> installer.get().install(pair);
        case REPLACE -> installer.get().rekey(replaces, pair);
        case REPLACE_INBOUND_FIRST -> installer.get().rekeyInboundFirst(replaces, pair);
        default -> throw new IllegalStateException(mode.toString());
      }
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
