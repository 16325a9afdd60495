package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@code decode(encode(m)) == m} for generated messages, in every form the codec produces. */
class RoundTripPropertyTest {

  @Provide
  Arbitrary<IkeMessage> unprotected() {
    return Generators.unprotectedMessages();
  }

  @Provide
  Arbitrary<IkeMessage> protectedMessages() {
    return Generators.protectedMessages();
  }

  @Property(tries = 500)
  void unprotectedMessagesRoundTrip(@ForAll("unprotected") IkeMessage m) throws Exception {
    byte[] datagram = m.encode();
    assertThat(IkeMessage.decode(datagram)).isEqualTo(m);
    assertThat(IkeMessage.decode(datagram).encode()).isEqualTo(datagram);
  }

  @Property(tries = 500)
  void protectedMessagesRoundTrip(@ForAll("protectedMessages") IkeMessage m) throws Exception {
    IkeMessage decoded =
        IkeMessage.decodeProtected(m.encode(new HmacXorSkCipher()), new HmacXorSkCipher());
    assertThat(decoded).isEqualTo(m);
    assertThat(decoded.intAuthOctets()).isEqualTo(m.intAuthOctets());
  }

  @Property(tries = 200)
  void fragmentedMessagesReassembleInAnyOrder(
      @ForAll("protectedMessages") IkeMessage m,
      @ForAll @IntRange(min = 100, max = 1500) int room,
      @ForAll long shuffleSeed)
      throws Exception {
    // Room for content on top of header, unprotected payloads and SKF header.
    int maxDatagram = 28 + PayloadChain.encodedLength(m.unprotectedPayloads()) + 8 + room;
    List<byte[]> fragments = new ArrayList<>(m.encodeFragments(new HmacXorSkCipher(), maxDatagram));
    Collections.shuffle(fragments, new Random(shuffleSeed));
    FragmentReassembler reassembler = new FragmentReassembler(new HmacXorSkCipher());
    Optional<IkeMessage> result = Optional.empty();
    for (byte[] f : fragments) {
      assertThat(f.length).isLessThanOrEqualTo(maxDatagram);
      assertThat(result).isEmpty();
      result = reassembler.add(f);
    }
    assertThat(result).contains(m);
    assertThat(result.orElseThrow().intAuthOctets()).isEqualTo(m.intAuthOctets());
  }
}
