package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.EspTransform;
import dev.fulmar.core.esp.SaInstaller;
import dev.fulmar.core.esp.TrafficSelector;
import dev.fulmar.core.esp.UnsupportedTransformException;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Hands a negotiated CHILD SA to the session environment's {@link SaInstaller} (the ESP data
 * path), if there is one: SPIs, transform, selectors, the gateway's NAT-T address, and the keys of
 * both directions split as RFC 7296 §2.17 says (we initiated the exchange, so our outbound SA uses
 * the initiator-to-responder keys). Every key copy made here is wiped before returning.
 */
final class ChildSaInstallation {
  private ChildSaInstallation() {}

  static void install(TaskContext ctx, Proposals.EspChoice choice, ChildSaInfo info,
      ChildSaKeys keys) throws TaskFailure {
    Optional<SaInstaller> installer = ctx.env.saInstaller();
    if (installer.isEmpty()) {
      return;
    }
    if (!ctx.hooks.isNatT()) {
      throw TaskFailure.of(FailureStep.CHILD_SA, ErrorCode.INTERNAL_ERROR, "detail",
          "the data path carries ESP in UDP only, but IKE did not move to port 4500");
    }
    ChildSaKeys.EspKeys out = keys.initiatorToResponder();
    ChildSaKeys.EspKeys in = keys.responderToInitiator();
    byte[][] material = {
        concat(in.cipherKey(), in.salt()), in.integrityKey(),
        concat(out.cipherKey(), out.salt()), out.integrityKey()};
    EspSaPair pair = null;
    try {
      pair = EspSaPair.builder()
          .childSaId(info.inboundSpi())
          .spis((int) info.inboundSpi(), (int) info.outboundSpi())
          .transform(transform(choice))
          .esn(info.extendedSequenceNumbers())
          .inboundKeys(material[0], material[1])
          .outboundKeys(material[2], material[3])
          .localTs(selectors(info.localSelectors()))
          .remoteTs(selectors(info.remoteSelectors()))
          .peer(ctx.hooks.remoteAddress())
          .build();
      installer.get().install(pair);
    } catch (GeneralSecurityException | UnsupportedTransformException
        | IllegalArgumentException e) {
      throw TaskFailure.of(FailureStep.CHILD_SA, ErrorCode.INTERNAL_ERROR, "detail",
          "the data path cannot install the CHILD SA (" + e.getMessage() + ")").causedBy(e);
    } finally {
      for (byte[] k : material) {
        Arrays.fill(k, (byte) 0);
      }
      if (pair != null) {
        pair.wipeKeys();
      }
    }
  }

  private static EspTransform transform(Proposals.EspChoice c)
      throws UnsupportedTransformException {
    Algorithm integ = c.integrity();
    return EspTransform.fromIana(c.encryption().transformId(), c.encryption().keyBits(),
        integ == null ? 0 : integ.transformId());
  }

  private static List<TrafficSelector> selectors(
      List<dev.fulmar.core.api.TrafficSelector> negotiated) {
    List<TrafficSelector> out = new ArrayList<>();
    for (dev.fulmar.core.api.TrafficSelector ts : negotiated) {
      out.add(TrafficSelector.of(ts.start(), ts.end(), ts.ipProtocol(), ts.startPort(),
          ts.endPort()));
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    Arrays.fill(a, (byte) 0);
    Arrays.fill(b, (byte) 0);
    return r;
  }
}
