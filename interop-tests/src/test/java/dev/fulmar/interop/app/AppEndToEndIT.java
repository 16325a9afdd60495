package dev.fulmar.interop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.model.AppController;
import dev.fulmar.app.model.AppServices;
import dev.fulmar.app.model.AppState;
import dev.fulmar.app.settings.Autostart;
import dev.fulmar.app.settings.SettingsStore;
import dev.fulmar.app.ui.AppWindow;
import dev.fulmar.app.ui.FileDialogs;
import dev.fulmar.app.ui.FxPrompts;
import dev.fulmar.control.message.Stats;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.interop.daemon.FulmardDaemon;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.secrets.InMemorySecretStore;
import dev.fulmar.profiles.store.ProfileStore;
import dev.fulmar.profiles.store.StorePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 6's end-to-end proof: the real app (its controller, window and credential dialog, on
 * headless Monocle) talks to the real {@code fulmard daemon} in the lab's client namespace, which
 * connects to the strongSwan 5.9.8 gateway. The user picks the profile, presses Connect, types
 * the password into the helper's prompt, sees the tunnel connected and its byte counters move
 * while the client pings the LAN host, then presses Disconnect.
 */
@ExtendWith(ApplicationExtension.class)
class AppEndToEndIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static FulmardDaemon daemon;
  private AppState state;
  private AppController controller;
  private AppWindow window;

  @BeforeAll
  static void startLab() {
    lab = Lab.create("app-e2e");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
    daemon = new FulmardDaemon(lab, "root");
    daemon.start();
  }

  @AfterAll
  static void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  /** The user's own profile: EAP-MSCHAPv2 for the lab gateway, split tunnel, the CA inside. */
  static String officeProfile() {
    return "{\"format\":\"fulmar-profile\",\"version\":1,\"name\":\"Office\","
        + "\"gateway\":{\"host\":\"" + Lab.GATEWAY_IP + "\"},\"trust\":{\"caCertificates\":"
        + "[{\"pem\":\"" + PKI.caPem().replace("\n", "\\n") + "\"}],\"systemTrustStore\":false},"
        + "\"tunnel\":{\"mode\":\"split\",\"include\":[\"" + Lab.LAN_SUBNET + "\"]},"
        + "\"auth\":{\"method\":\"eap-mschapv2\",\"username\":\"" + GatewayConfig.EAP_USER
        + "\"}}";
  }

  @Start
  void start(Stage stage) throws Exception {
    Path home = lab.uniqueDir("app-home");
    ProfileStore store = new ProfileStore(new StorePaths(home.resolve("config/fulmar/profiles"),
        List.of(home.resolve("etc/fulmar/profiles"))));
    var read = ProfileCodec.read(officeProfile());
    assertThat(read.ok()).as(read.errors().toString()).isTrue();
    store.save(read.profile());
    SettingsStore settings = new SettingsStore(Files.createDirectories(
        home.resolve("config/fulmar")));
    state = new AppState();
    window = new AppWindow(stage, state, settings.load(), Clock.systemUTC(),
        FileDialogs.system(), false, () -> false);
    FxPrompts prompts = new FxPrompts(stage, window::messages, FileDialogs.system());
    Autostart autostart = Autostart.detect("Linux", Map.of("XDG_CONFIG_HOME",
        home.resolve("config").toString()), home, List.of("/usr/bin/fulmar-app"));
    InMemorySecretStore keychain = new InMemorySecretStore();
    controller = new AppController(state, new AppServices(daemon.socket(), "app-e2e", store,
        () -> keychain, settings, autostart, null, Platform::runLater, Duration.ofMillis(500)),
        prompts);
    prompts.bind(controller);
    window.attach(controller);
    stage.setWidth(900);
    stage.setHeight(620);
    stage.show();
    controller.start();
  }

  @AfterEach
  void closeApp() {
    if (controller != null) {
      WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
        controller.close();
        window.main().dispose();
      });
    }
  }

  @Test
  void connectsWithThePasswordPromptShowsTrafficAndDisconnects(FxRobot robot) throws Exception {
    waitUntil(Duration.ofSeconds(30), () -> state.availability() == Availability.READY
        && state.tunnel().isKnown() && !state.profiles().entries().isEmpty());
    assertThat(fx(() -> state.tunnel().state())).isEqualTo(TunnelState.DISCONNECTED);

    robot.clickOn("Office");
    robot.clickOn("#connect");
    waitUntil(Duration.ofSeconds(60), () -> robot.lookup("#prompt-password").tryQuery()
        .isPresent());
    assertThat(robot.lookup("#prompt-username").queryTextInputControl().getText())
        .isEqualTo(GatewayConfig.EAP_USER);
    robot.clickOn("#prompt-password").write(GatewayConfig.EAP_PASSWORD);
    robot.clickOn("#prompt-ok");
    waitUntil(Duration.ofSeconds(60), () -> state.tunnel().state() == TunnelState.CONNECTED
        && robot.lookup("#status-vip").tryQuery().isPresent());
    assertThat(robot.lookup("#headline").queryLabeled().getText()).isEqualTo("Connected to Office");
    assertThat(robot.lookup("#connect").queryButton().getText()).isEqualTo("Disconnect");
    assertThat(robot.lookup("#status-vip").queryLabeled().getText()).startsWith("10.201.0.");
    IkeSa sa = gateway.awaitSa(IkeSa::established, Duration.ofSeconds(10)).orElseThrow();
    assertThat(sa.remoteVips()).hasSize(1);

    // traffic through the tunnel: the helper's per-second stats reach the status card
    Stats before = fx(() -> state.tunnel().statsProperty().get());
    long inBefore = before == null ? 0 : before.bytesIn();
    Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(5).run(lab.client());
    assertThat(ping.allReceived()).as(ping.output()).isTrue();
    waitUntil(Duration.ofSeconds(10), () -> {
      Stats s = state.tunnel().statsProperty().get();
      return s != null && s.bytesIn() >= inBefore + 5 * 84 && s.bytesOut() >= 5 * 84;
    });
    String traffic = robot.lookup("#status-traffic").queryLabeled().getText();
    assertThat(traffic).doesNotStartWith("0\u00a0B");

    robot.clickOn("#connect");
    waitUntil(Duration.ofSeconds(30), () -> state.tunnel().state() == TunnelState.DISCONNECTED);
    assertThat(robot.lookup("#connect").queryButton().getText()).isEqualTo("Connect");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> gateway.listSas().isEmpty());
    assertThat(Ping.to(Lab.LAN_HOST_IP).count(1).run(lab.client()).allReceived()).isFalse();
    assertThat(daemon.log()).doesNotContain(GatewayConfig.EAP_PASSWORD);
  }

  /** Waits until {@code c}, evaluated on the JavaFX thread, holds. */
  private static void waitUntil(Duration timeout, Callable<Boolean> c) throws Exception {
    WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> fx(c));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
  }
}
