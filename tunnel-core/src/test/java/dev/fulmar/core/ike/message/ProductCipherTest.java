package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.crypto.IkeSuite;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import dev.fulmar.core.ike.crypto.Role;
import dev.fulmar.core.ike.crypto.SkCiphers;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec with the product's SkCipher implementations (core.ike.crypto): an initiator seals, a
 * responder with keys derived from the same inputs opens, whole and fragmented, for an AEAD suite
 * and an encrypt-then-MAC suite.
 */
class ProductCipherTest {

  private static final byte[] SHARED = Hex.bytes(Hex.counting(0x21, 32));
  private static final byte[] NI = Hex.bytes(Hex.counting(0x10, 32));
  private static final byte[] NR = Hex.bytes(Hex.counting(0x30, 32));

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void initiatorSealsAndResponderOpens(boolean aead) throws Exception {
    SkCiphers initiator = ciphers(aead, Role.INITIATOR);
    SkCiphers responder = ciphers(aead, Role.RESPONDER);
    IkeMessage request = ProtectedMessageTest.ikeAuthRequest();

    byte[] datagram = request.encode(initiator.outbound());

    assertThat(IkeMessage.decodeProtected(datagram, responder.inbound())).isEqualTo(request);
    assertThatThrownBy(() -> IkeMessage.decodeProtected(datagram, responder.outbound()))
        .isInstanceOf(IntegrityCheckFailedException.class);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void fragmentsReassembleWithTheProductCiphers(boolean aead) throws Exception {
    SkCiphers initiator = ciphers(aead, Role.INITIATOR);
    SkCiphers responder = ciphers(aead, Role.RESPONDER);
    IkeMessage response = FragmentationTest.bigResponse();
    List<byte[]> fragments = new ArrayList<>(response.encodeFragments(responder.outbound(), 544));
    Collections.shuffle(fragments, new Random(3));

    FragmentReassembler reassembler = new FragmentReassembler(initiator.inbound());
    Optional<IkeMessage> result = Optional.empty();
    for (byte[] f : fragments) {
      assertThat(f.length).isLessThanOrEqualTo(544);
      result = reassembler.add(f);
    }

    assertThat(result).contains(response);
    assertThat(result.orElseThrow().intAuthOctets()).isEqualTo(response.intAuthOctets());
  }

  private static SkCiphers ciphers(boolean aead, Role role) throws Exception {
    IkeSuite suite =
        aead
            ? IkeSuite.of(
                EncryptionAlgorithm.AES_GCM_16.value(),
                256,
                PseudorandomFunction.HMAC_SHA2_256.value(),
                IntegrityAlgorithm.NONE.value(),
                KeyExchangeMethod.ECP_256.value(),
                List.of())
            : IkeSuite.of(
                EncryptionAlgorithm.AES_CBC.value(),
                256,
                PseudorandomFunction.HMAC_SHA2_256.value(),
                IntegrityAlgorithm.HMAC_SHA2_256_128.value(),
                KeyExchangeMethod.ECP_256.value(),
                List.of());
    IkeSaKeys keys =
        KeyDerivation.ikeSaKeys(suite, SHARED, NI, NR, 0x0011223344556677L, 0x8899aabbccddeeffL);
    return suite.ciphers(keys, role, new SecureRandom());
  }
}
