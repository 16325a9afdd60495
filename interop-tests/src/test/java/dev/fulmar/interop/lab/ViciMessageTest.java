package dev.fulmar.interop.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ViciMessageTest {
  /**
   * The encoding example of strongSwan's vici README ("Encoding example"): {@code key1 = value1,
   * section1 { sub-section { key2 = value2 } list1 = [item1, item2] }}, element by element.
   */
  private static final String README_EXAMPLE_HEX = ""
      + "03046b657931" + "000676616c756531"                 // key1 = value1
      + "010873656374696f6e31"                               // section1 {
      + "010b7375622d73656374696f6e"                         //   sub-section {
      + "03046b657932" + "000676616c756532"                  //     key2 = value2
      + "02"                                                 //   }
      + "04056c69737431"                                     //   list1 = [
      + "0500056974656d31" + "0500056974656d32"              //     item1, item2
      + "06"                                                 //   ]
      + "02";                                                // }

  @Test
  void decodesTheReadmeExample() throws Exception {
    ViciMessage m = ViciMessage.decode(HexFormat.of().parseHex(README_EXAMPLE_HEX));

    assertThat(m.get("key1")).isEqualTo("value1");
    ViciMessage section = m.section("section1");
    assertThat(section.section("sub-section").get("key2")).isEqualTo("value2");
    assertThat(section.list("list1")).containsExactly("item1", "item2");
    assertThat(m.toString())
        .isEqualTo("{key1=value1 section1 {sub-section {key2=value2} list1=[item1 item2]}}");
  }

  @Test
  void encodesTheReadmeExample() {
    ViciMessage m = ViciMessage.builder()
        .put("key1", "value1")
        .putSection("section1", ViciMessage.builder()
            .putSection("sub-section", ViciMessage.builder().put("key2", "value2").build())
            .putList("list1", List.of("item1", "item2"))
            .build())
        .build();

    assertThat(HexFormat.of().formatHex(m.encode())).isEqualTo(README_EXAMPLE_HEX);
  }

  @Test
  void rejectsUnclosedSection() {
    byte[] open = HexFormat.of().parseHex("010873656374696f6e31");
    assertThatThrownBy(() -> ViciMessage.decode(open))
        .isInstanceOf(ViciFormatException.class)
        .hasMessageContaining("section1").hasMessageContaining("not closed");
  }

  @Test
  void rejectsTruncatedValueWithItsOffset() {
    byte[] cut = HexFormat.of().parseHex("03046b657931000676616c");
    assertThatThrownBy(() -> ViciMessage.decode(cut))
        .isInstanceOf(ViciFormatException.class)
        .hasMessageContaining("truncated value");
  }

  @Test
  void rejectsDuplicateKeys() {
    byte[] twice = HexFormat.of().parseHex("030161000178" + "030161000179");
    assertThatThrownBy(() -> ViciMessage.decode(twice)).hasMessageContaining("duplicate key 'a'");
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    byte[] deep = new byte[(ViciMessage.MAX_DEPTH + 1) * 3];
    for (int i = 0; i < ViciMessage.MAX_DEPTH + 1; i++) {
      deep[i * 3] = ViciMessage.SECTION_START;
      deep[i * 3 + 1] = 1;
      deep[i * 3 + 2] = 's';
    }
    assertThatThrownBy(() -> ViciMessage.decode(deep)).hasMessageContaining("nested deeper");
  }

  @Property(tries = 10_000)
  void anyBytesDecodeToAMessageOrATypedError(@ForAll byte[] bytes) {
    try {
      ViciMessage m = ViciMessage.decode(bytes);
      assertThat(m).isNotNull();
    } catch (ViciFormatException expected) {
      assertThat(expected.getMessage()).contains("offset");
    }
  }

  @Property(tries = 2_000)
  void encodedMessagesDecodeToThemselves(@ForAll("messages") ViciMessage m) throws Exception {
    assertThat(ViciMessage.decode(m.encode())).isEqualTo(m);
  }

  @Provide
  Arbitrary<ViciMessage> messages() {
    Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
        .ofMaxLength(8);
    Arbitrary<String> values = Arbitraries.strings().ofMaxLength(20);
    Arbitrary<ViciMessage> leaf = Arbitraries.maps(names, values).ofMaxSize(4).map(map -> {
      ViciMessage.Builder b = ViciMessage.builder();
      map.forEach(b::put);
      return b.build();
    });
    return Arbitraries.maps(names, Arbitraries.oneOf(values.map(v -> (Object) v),
            values.list().ofMaxSize(3).map(l -> (Object) l), leaf.map(s -> (Object) s)))
        .ofMaxSize(5)
        .map(map -> {
          ViciMessage.Builder b = ViciMessage.builder();
          map.forEach((k, v) -> {
            if (v instanceof ViciMessage s) {
              b.putSection(k, s);
            } else if (v instanceof List<?> l) {
              b.putList(k, l.stream().map(Object::toString).toList());
            } else {
              b.put(k, (String) v);
            }
          });
          return b.build();
        });
  }
}
