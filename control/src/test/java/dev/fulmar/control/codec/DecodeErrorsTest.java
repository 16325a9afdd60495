package dev.fulmar.control.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Subscribe;
import dev.fulmar.control.message.Topic;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad lines become typed errors that name what is wrong, keep the id, and never echo values. */
class DecodeErrorsTest {
  private final MessageCodec codec = MessageCodec.forHelper();

  private DecodeException fail(String line) {
    DecodeException e = catchThrowableOfType(DecodeException.class,
        () -> codec.decode(line.getBytes(StandardCharsets.UTF_8)));
    assertThat(e).as(line).isNotNull();
    return e;
  }

  @Test
  void rejectsTextThatIsNotJson() {
    DecodeException e = fail("hello helper");
    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED);
    assertThat(e.id()).isNull();
  }

  @Test
  void rejectsJsonThatIsNotAnObject() {
    assertThat(fail("[1,2,3]").code()).isEqualTo(ErrorCode.MALFORMED);
    assertThat(fail("\"status\"").code()).isEqualTo(ErrorCode.MALFORMED);
  }

  @Test
  void rejectsAMissingType() {
    DecodeException e = fail("{\"id\":4}");
    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED);
    assertThat(e.getMessage()).contains("no \"type\"");
    assertThat(e.id()).isEqualTo(4L);
  }

  @Test
  void unknownTypeKeepsTheIdForTheReply() {
    DecodeException e = fail("{\"type\":\"reboot\",\"id\":9}");
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
    assertThat(e.id()).isEqualTo(9L);
    assertThat(e.getMessage()).contains("'reboot'");
  }

  @Test
  void requestsNeedAnId() {
    assertThat(fail("{\"type\":\"status\"}").code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(fail("{\"type\":\"status\",\"id\":-1}").code())
        .isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(fail("{\"type\":\"status\",\"id\":1.5}").code())
        .isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(fail("{\"type\":\"status\",\"id\":9007199254740992}").code())
        .isEqualTo(ErrorCode.INVALID_REQUEST);
  }

  @Test
  void rejectsDuplicateKeysAndTrailingText() {
    assertThat(fail("{\"type\":\"status\",\"type\":\"disconnect\",\"id\":1}").code())
        .isEqualTo(ErrorCode.MALFORMED);
    assertThat(fail("{\"type\":\"status\",\"id\":1} {}").code())
        .isEqualTo(ErrorCode.MALFORMED);
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "{\"type\":\"status\",\"id\":1,\"x\":" + "[".repeat(100) + "]".repeat(100)
        + "}";
    assertThat(fail(deep).code()).isEqualTo(ErrorCode.MALFORMED);
  }

  @Test
  void namesTheFieldOfAWrongValueWithoutQuotingIt() {
    DecodeException e = fail("{\"type\":\"subscribe\",\"id\":2,\"topics\":[\"sEcReT-VaLuE\"]}");
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("topics").contains("STATE")
        .doesNotContain("sEcReT-VaLuE");
    assertThat(e.id()).isEqualTo(2L);
  }

  @Test
  void aSecretInTheWrongPlaceIsNotEchoed() {
    DecodeException e = fail("{\"type\":\"logs\",\"id\":2,\"max\":\"hunter2-password\"}");
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("max").doesNotContain("hunter2");
  }

  @Test
  void recordRulesBecomeInvalidRequest() {
    DecodeException e = fail("{\"type\":\"connect\",\"id\":3}");
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("profileName or profile");
    DecodeException both = fail("{\"type\":\"subscribe\",\"id\":3,\"topics\":[]}");
    assertThat(both.getMessage()).contains("at least one topic");
  }

  @Test
  void anInvalidProfileListsItsProblems() {
    DecodeException e = fail("{\"type\":\"connect\",\"id\":6,\"profile\":{\"format\":"
        + "\"fulmar-profile\",\"version\":1,\"name\":\"X\",\"gateway\":{\"host\":\"vpn..bad\"},"
        + "\"auth\":{\"method\":\"eap-mschapv2\",\"username\":\"a\"}}}");
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROFILE);
    assertThat(e.id()).isEqualTo(6L);
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("gateway.host"));
    assertThat(e.toReply().problems()).isEqualTo(e.problems());
  }

  @Test
  void aProfileThatIsNotAnObjectIsInvalid() {
    DecodeException e = fail("{\"type\":\"connect\",\"id\":6,\"profile\":\"Office\"}");
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROFILE);
  }

  @Test
  void overlongLinesAreRefusedBeforeParsing() {
    MessageCodec small = new MessageCodec(64);
    byte[] line = ("{\"type\":\"status\",\"id\":1,\"pad\":\"" + "x".repeat(100) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    DecodeException e = catchThrowableOfType(DecodeException.class, () -> small.decode(line));
    assertThat(e.code()).isEqualTo(ErrorCode.LINE_TOO_LONG);
  }

  @Test
  void unknownFieldsAreIgnoredForNewerPeers() throws DecodeException {
    Frame f = codec.decode(("{\"type\":\"subscribe\",\"id\":1,\"topics\":[\"LOG\"],"
        + "\"since\":{\"a\":[1,2]}}").getBytes(StandardCharsets.UTF_8));
    assertThat(f.message()).isEqualTo(new Subscribe(java.util.Set.of(Topic.LOG)));
  }

  @Test
  void connectByNameDecodes() throws DecodeException {
    Frame f = codec.decode("{\"type\":\"connect\",\"id\":1,\"profileName\":\"Office\"}"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(((Connect) f.message()).profileName()).isEqualTo("Office");
    assertThat(((Connect) f.message()).credentials().isEmpty()).isTrue();
  }
}
