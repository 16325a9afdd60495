package dev.fulmar.app.testing;

import dev.fulmar.app.settings.Settings;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Profile;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders the documentation screenshots: the real main window, wired to a scripted helper, in
 * the light and the dark theme, connected (with a minute of traffic) and failed (a certificate
 * name mismatch with the details unfolded). Run under Xvfb by {@code docs/screenshots/render.sh}.
 *
 * <pre>
 *   java -cp &lt;test class path&gt; dev.fulmar.app.testing.Screenshots OUTPUT_DIR [SCALE]
 * </pre>
 *
 * <p>SCALE renders the same layout at that many device pixels per pixel (2 for 200 %), as
 * JavaFX does on a high-DPI screen; then only the light connected window is rendered.
 *
 * <pre>
 * </pre>
 */
public final class Screenshots {
  private static double scale = 1;

  private Screenshots() {}

  public static void main(String[] args) throws Exception {
    Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
    scale = args.length > 1 ? Double.parseDouble(args[1]) : 1;
    Path work = Files.createTempDirectory("fulmar-shots");
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    Platform.setImplicitExit(false);
    for (Settings.Theme theme : new Settings.Theme[] {Settings.Theme.LIGHT, Settings.Theme.DARK}) {
      String t = theme.name().toLowerCase(Locale.ROOT);
      shoot(work.resolve("c-" + t), theme, false, out.resolve("connected-" + t + ".png"));
      if (scale != 1) {
        break; // one high-DPI sample is enough
      }
      shoot(work.resolve("e-" + t), theme, true, out.resolve("error-" + t + ".png"));
    }
    System.out.println("Screenshots written to " + out.toAbsolutePath());
    Platform.exit();
    System.exit(0);
  }

  private static void shoot(Path dir, Settings.Theme theme, boolean failing, Path file)
      throws Exception {
    AppHarness app = fx(() -> {
      Stage stage = new Stage();
      AppHarness a = AppHarness.start(stage, dir, Locale.ENGLISH, theme);
      stage.setWidth(980);
      stage.setHeight(700);
      a.store.save(Profile.builder().name("Office").gateway("vpn.example.net")
          .auth(new Authentication.PasswordEap(Authentication.EapMethod.MSCHAPV2, "alice"))
          .build());
      a.store.save(Profile.builder().name("Home lab").gateway("203.0.113.5")
          .auth(new Authentication.Psk()).build());
      a.helper.profiles(new ProfileSummary("7d1c0d6e-2f7c-4c7b-9f59-0f4d8c1f7e11",
          "Corporate (managed)", ProfileSummary.Source.SYSTEM, "gw.corp.example.com",
          "certificate"));
      if (failing) {
        a.helper.onConnect(ScriptedHelper.failing("IKE_AUTH", "GATEWAY_IDENTITY_MISMATCH",
            Map.of("names", "vpn.example.org, vpn2.example.org", "expected", "vpn.example.net",
                "subject", "CN=vpn.example.org", "issuer", "CN=Example Corp Root CA",
                "fingerprint", "3fa1c2d46b0e57f2a9c88d1e04b7f6a3c5e2d91b8a7f6e5d4c3b2a1908f7e6d5",
                "notify", "AUTHENTICATION_FAILED (24)")));
      }
      return a.go();
    });
    waitUntil(() -> app.state.profiles().entries().size() == 3 && app.state.tunnel().isKnown());
    fx(() -> {
      app.controller.connect(app.state.profiles().byName("Office").orElseThrow());
      return null;
    });
    waitUntil(() -> app.state.tunnel().state() == (failing ? TunnelState.ERROR
        : TunnelState.CONNECTED));
    if (!failing) {
      long in = 0;
      long out = 0;
      for (int i = 0; i < 60; i++) {
        long rateIn = (long) (900_000 + 600_000 * Math.sin(i / 6.0) + (i % 7) * 40_000);
        long rateOut = (long) (120_000 + 80_000 * Math.cos(i / 5.0));
        in += rateIn;
        out += rateOut;
        app.helper.stats(in + 40_000_000, out + 3_000_000, rateIn, rateOut);
      }
      waitUntil(() -> app.state.tunnel().history().size() == 60);
    } else {
      fx(() -> {
        Node fold = app.window.main().root().lookup("#failure-details-fold");
        ((TitledPane) fold).setExpanded(true);
        return null;
      });
    }
    Thread.sleep(600);
    WritableImage img = fx(() -> {
      javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
      p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
      return app.window.main().root().snapshot(p, null);
    });
    BufferedImage b = SwingFXUtils.fromFXImage(img, null);
    ImageIO.write(b, "png", file.toFile());
    app.close();
    fx(() -> {
      app.window.main().root().getScene().getWindow().hide();
      return null;
    });
  }

  private interface FxCall<T> {
    T call() throws Exception;
  }

  private static <T> T fx(FxCall<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        f.complete(c.call());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    });
    return f.get(30, TimeUnit.SECONDS);
  }

  private static void waitUntil(BooleanSupplier c) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!fx(c::getAsBoolean)) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the app did not reach the state for the screenshot");
      }
      Thread.sleep(50);
    }
  }
}
