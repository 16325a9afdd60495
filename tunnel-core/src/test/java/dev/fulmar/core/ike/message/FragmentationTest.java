package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** IKE fragmentation (RFC 7383 §2.5) and reassembly (§2.6). */
class FragmentationTest {

  private static final IkeHeader IKE_AUTH_RESPONSE =
      IkeHeader.responseTo(
          IkeHeader.request(
              0x0011223344556677L, 0x8899aabbccddeeffL, ExchangeType.IKE_AUTH, 1, true));

  /** An IKE_AUTH response with a 3000-octet certificate: too big for one 1280-octet datagram. */
  static IkeMessage bigResponse() {
    return IkeMessage.protectedMessage(
        IKE_AUTH_RESPONSE,
        List.of(
            IdPayload.fqdn(false, "vpn.example.com"),
            CertPayload.x509(Hex.bytes(Hex.counting(0, 3000))),
            new AuthPayload(AuthMethod.DIGITAL_SIGNATURE, Hex.bytes(Hex.counting(7, 384)))));
  }

  @Test
  void splitsIntoFragmentsThatFitTheDatagramSize() throws Exception {
    List<byte[]> fragments = bigResponse().encodeFragments(new HmacXorSkCipher(), 576);

    assertThat(fragments).hasSizeGreaterThan(6);
    for (int i = 0; i < fragments.size(); i++) {
      byte[] f = fragments.get(i);
      assertThat(f.length).isLessThanOrEqualTo(576);
      IkeMessage wire = IkeMessage.decode(f);
      EncryptedFragmentPayload skf = (EncryptedFragmentPayload) wire.payloads().get(0);
      assertThat(skf.fragmentNumber()).isEqualTo(i + 1);
      assertThat(skf.totalFragments()).isEqualTo(fragments.size());
      assertThat(skf.firstInnerType()).isEqualTo(i == 0 ? PayloadType.IDR : PayloadType.NONE);
      assertThat(wire.header()).isEqualTo(IKE_AUTH_RESPONSE);
    }
  }

  @Test
  void fragmentPrefixIncludesFragmentNumberAndTotal() throws Exception {
    RecordingSkCipher cipher = new RecordingSkCipher(new HmacXorSkCipher());
    List<byte[]> fragments = bigResponse().encodeFragments(cipher, 1280);

    byte[] secondPrefix = cipher.sealedPrefixes.get(1);
    assertThat(secondPrefix).hasSize(36);
    // RFC 7383 §2.5: header with Next Payload SKF (53), then SKF header with Next Payload 0 and
    // Fragment Number 2 of Total Fragments; the Length is that of this fragment's datagram.
    assertThat(Hex.hex(secondPrefix)).startsWith("00112233445566778899aabbccddeeff35202320");
    assertThat(Hex.hex(secondPrefix).substring(56, 72))
        .isEqualTo(
            String.format("0000%04x0002%04x", fragments.get(1).length - 28, fragments.size()));
  }

  @Test
  void reassemblesFragmentsInOrder() throws Exception {
    List<byte[]> fragments = bigResponse().encodeFragments(new HmacXorSkCipher(), 576);
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());

    Optional<IkeMessage> result = Optional.empty();
    for (int i = 0; i < fragments.size(); i++) {
      assertThat(result).isEmpty();
      result = reassembler.add(fragments.get(i));
    }

    assertThat(result).contains(bigResponse());
    assertThat(reassembler.isComplete()).isTrue();
  }

  @Test
  void reassemblesFragmentsOutOfOrderWithDuplicates() throws Exception {
    List<byte[]> fragments =
        new ArrayList<>(bigResponse().encodeFragments(new HmacXorSkCipher(), 576));
    List<byte[]> arrival = new ArrayList<>(fragments);
    arrival.addAll(fragments.subList(0, 3)); // retransmitted early fragments
    Collections.shuffle(arrival, new Random(7));
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());

    List<IkeMessage> results = new ArrayList<>();
    for (byte[] f : arrival) {
      reassembler.add(f).ifPresent(results::add);
    }

    assertThat(results).containsExactly(bigResponse());
    assertThat(reassembler.fragmentsReceived()).isEqualTo(fragments.size());
  }

  @Test
  void waitsForAMissingFragment() throws Exception {
    List<byte[]> fragments = bigResponse().encodeFragments(new HmacXorSkCipher(), 576);
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());

    for (int i = 0; i < fragments.size(); i++) {
      if (i != 2) {
        assertThat(reassembler.add(fragments.get(i))).isEmpty();
      }
    }

    assertThat(reassembler.isComplete()).isFalse();
    assertThat(reassembler.fragmentsReceived()).isEqualTo(fragments.size() - 1);
    assertThat(reassembler.add(fragments.get(2))).contains(bigResponse());
  }

  @Test
  void restartsWhenThePeerRefragmentsIntoMoreFragments() throws Exception {
    List<byte[]> large = bigResponse().encodeFragments(new HmacXorSkCipher(), 1280);
    List<byte[]> small = bigResponse().encodeFragments(new HmacXorSkCipher(), 576);
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());

    reassembler.add(large.get(0));
    reassembler.add(large.get(1));
    assertThat(reassembler.totalFragments()).isEqualTo(large.size());

    // RFC 7383 §2.6: a greater Total Fragments discards what was held and starts over.
    reassembler.add(small.get(1));
    assertThat(reassembler.totalFragments()).isEqualTo(small.size());
    assertThat(reassembler.fragmentsReceived()).isEqualTo(1);

    // A late fragment of the old, smaller total is stale and ignored.
    assertThat(reassembler.add(large.get(2))).isEmpty();
    assertThat(reassembler.fragmentsReceived()).isEqualTo(1);

    Optional<IkeMessage> result = Optional.empty();
    for (int i = 0; i < small.size(); i++) {
      if (i != 1) {
        result = reassembler.add(small.get(i));
      }
    }
    assertThat(result).contains(bigResponse());
  }

  @Test
  void rejectsTamperedFragmentWithoutLosingState() throws Exception {
    List<byte[]> fragments = bigResponse().encodeFragments(new HmacXorSkCipher(), 576);
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());
    reassembler.add(fragments.get(0));
    byte[] forged = fragments.get(1).clone();
    forged[forged.length - 40] ^= 1;

    assertThatThrownBy(() -> reassembler.add(forged))
        .isInstanceOf(IntegrityCheckFailedException.class)
        .hasMessageContaining("SKF payload");
    assertThat(reassembler.fragmentsReceived()).isEqualTo(1);

    Optional<IkeMessage> result = Optional.empty();
    for (byte[] f : fragments.subList(1, fragments.size())) {
      result = reassembler.add(f);
    }
    assertThat(result).contains(bigResponse());
  }

  @Test
  void rejectsFragmentOfAnotherMessage() throws Exception {
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());
    reassembler.add(bigResponse().encodeFragments(new HmacXorSkCipher(), 576).get(0));
    IkeMessage other =
        IkeMessage.protectedMessage(IKE_AUTH_RESPONSE.withMessageId(2), bigResponse().payloads());
    byte[] otherFragment = other.encodeFragments(new HmacXorSkCipher(), 576).get(1);

    assertThatThrownBy(() -> reassembler.add(otherFragment))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("fragment of IKE_AUTH response #2")
        .hasMessageContaining("given to the reassembler of IKE_AUTH response #1");
  }

  @Test
  void rejectsMoreFragmentsThanTheLimit() {
    byte[] fragment =
        IkeMessage.of(
                IKE_AUTH_RESPONSE,
                new EncryptedFragmentPayload(
                    PayloadType.NONE, 2, Limits.MAX_FRAGMENTS + 1, new byte[32]))
            .encode();

    assertThatThrownBy(() -> new FragmentReassembler(new HmacXorSkCipher()).add(fragment))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageEndingWith("129 fragments, more than 128");
  }

  @Test
  void rejectsReassemblyBeyondTheSizeLimit() throws Exception {
    IkeMessage huge =
        IkeMessage.protectedMessage(
            IKE_AUTH_RESPONSE,
            List.of(CertPayload.x509(new byte[40_000]), CertPayload.x509(new byte[40_000])));
    List<byte[]> fragments = huge.encodeFragments(new HmacXorSkCipher(), 60_000);
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());
    reassembler.add(fragments.get(0));

    assertThatThrownBy(() -> reassembler.add(fragments.get(1)))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("fragments hold more than 65535 octets");
    assertThat(reassembler.fragmentsReceived()).isZero();
  }

  @Test
  void rejectsUnfragmentedMessage() throws Exception {
    byte[] whole = bigResponse().encode(new HmacXorSkCipher());
    assertThatThrownBy(() -> new FragmentReassembler(new HmacXorSkCipher()).add(whole))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("not an SKF fragment");
  }

  @Test
  void rejectsDatagramSizeWithoutRoomForContent() {
    assertThatThrownBy(() -> bigResponse().encodeFragments(new HmacXorSkCipher(), 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no room for content");
  }

  @Test
  void unprotectedPayloadsTravelInTheFirstFragmentOnly() throws Exception {
    IkeMessage m =
        IkeMessage.protectedMessage(
            IKE_AUTH_RESPONSE,
            List.of(new VendorIdPayload(Hex.bytes("0102"))),
            bigResponse().payloads());
    List<byte[]> fragments = m.encodeFragments(new HmacXorSkCipher(), 576);

    assertThat(IkeMessage.decode(fragments.get(0)).payloads().get(0))
        .isEqualTo(new VendorIdPayload(Hex.bytes("0102")));
    assertThat(IkeMessage.decode(fragments.get(1)).payloads().get(0))
        .isInstanceOf(EncryptedFragmentPayload.class);
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());
    Optional<IkeMessage> result = Optional.empty();
    for (int i = fragments.size() - 1; i >= 0; i--) {
      result = reassembler.add(fragments.get(i));
    }
    assertThat(result).contains(m);
  }
}
