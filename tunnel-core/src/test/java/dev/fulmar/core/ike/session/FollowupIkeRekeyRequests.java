package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.ike.ProposalStrings;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.crypto.KeyExchanges;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.KeyExchangeMethod;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.Proposal;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.Transform;
import dev.fulmar.core.ike.message.TransformAttribute;
import dev.fulmar.core.ike.message.TransformType;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;

/**
 * The gateway's IKE SA rekey with one additional key exchange (RFC 9370 §2.2.4), written by hand
 * since the in-memory gateway rekeys with one key exchange only: CREATE_CHILD_SA {SA(KE=x25519,
 * ADDKE1=mlkem768), Ni, KEi(x25519)}, then IKE_FOLLOWUP_KE {N(ADDITIONAL_KEY_EXCHANGE)(link),
 * KEi(mlkem768)}. The gateway never derives the new SA's keys: these tests look at our side.
 */
final class FollowupIkeRekeyRequests {
  /** The SPIi the gateway proposes for its new IKE SA. */
  static final long GATEWAY_NEW_SPI = 0x1234_5678_9abc_def1L;
  /** Ours: the in-memory gateway's suite first (IKE_SA_INIT), the hybrid one for its rekey. */
  static final List<IkeProposal> OUR_PROPOSALS = List.of(
      ProposalStrings.ikeOrFail("aes256gcm16-prfsha384-curve25519"),
      ProposalStrings.ikeOrFail("aes256gcm16-prfsha384-curve25519-ke1_mlkem768"));

  private FollowupIkeRekeyRequests() {}

  static List<Payload> create(byte[] nonce) {
    List<Transform> t = List.of(
        new Transform(TransformType.ENCR, Algorithm.AES_GCM_16_256.transformId(),
            List.of(TransformAttribute.keyLength(256))),
        new Transform(TransformType.PRF, Algorithm.PRF_HMAC_SHA2_384.transformId(), List.of()),
        Transform.keyExchange(KeyExchangeMethod.valueOf(Algorithm.CURVE25519.transformId())),
        Transform.additionalKeyExchange(1,
            KeyExchangeMethod.valueOf(Algorithm.ML_KEM_768.transformId())));
    return List.of(new SaPayload(List.of(Proposal.ikeRekey(1, GATEWAY_NEW_SPI, t))),
        new NoncePayload(nonce.clone()), ke(Algorithm.CURVE25519));
  }

  static List<Payload> followup(byte[] link) {
    return List.of(NotifyPayload.of(NotifyType.ADDITIONAL_KEY_EXCHANGE, link),
        ke(Algorithm.ML_KEM_768));
  }

  private static KePayload ke(Algorithm method) {
    try {
      KeyExchange k = KeyExchanges.initiate(method.transformId(), new SecureRandom());
      return new KePayload(KeyExchangeMethod.valueOf(method.transformId()), k.publicValue());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
