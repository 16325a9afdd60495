package dev.fulmar.helper.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class CliBitsTest {
  private static char[] line(String input) throws IOException {
    return SecretInput.readLine(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsExactlyOneLineWithoutItsEnd() throws IOException {
    assertThat(line("pässword\nsecond line")).containsExactly("pässword".toCharArray());
    assertThat(line("crlf\r\n")).containsExactly("crlf".toCharArray());
    assertThat(line("no newline")).containsExactly("no newline".toCharArray());
  }

  @Test
  void refusesAnEmptyOrEndlessLine() {
    assertThatThrownBy(() -> line("")).hasMessageContaining("gave no secret");
    assertThatThrownBy(() -> line("\n")).hasMessageContaining("gave no secret");
    assertThatThrownBy(() -> line("x".repeat(5000))).hasMessageContaining("4096");
  }

  @Test
  void theDocumentedExitCodesAreTheOnesUsed() {
    Command c = DiagnoseCommand.class.getAnnotation(Command.class);
    assertThat(c.exitCodeList()).containsExactly(ExitCode.helpList());
  }
}
