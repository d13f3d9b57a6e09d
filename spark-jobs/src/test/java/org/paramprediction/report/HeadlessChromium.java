package org.paramprediction.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium (the Debian package {@code chromium}) driven over its DevTools protocol with
 * the JDK's own HTTP and WebSocket client and Jackson: open a page, wait until it has loaded,
 * evaluate JavaScript in it. No WebDriver needed.
 */
final class HeadlessChromium implements AutoCloseable {

    /** Where the browser is looked for unless the environment variable {@code CHROMIUM} names another. */
    static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    static Path binary() {
        String env = System.getenv("CHROMIUM");
        return env == null || env.isBlank() ? DEFAULT_BINARY : Path.of(env);
    }

    /** Starts the browser with a fresh profile in {@code profile} and connects to its first page. */
    static HeadlessChromium start(Path profile) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Process p = new ProcessBuilder(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = port(profile.resolve("DevToolsActivePort"), p);
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/json/list")).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            String url = null;
            for (JsonNode target : JSON.readTree(list.body())) {
                if (target.path("type").asText().equals("page")) {
                    url = target.get("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (url == null) {
                throw new IOException("Chromium has no page target: " + list.body());
            }
            HeadlessChromium[] self = new HeadlessChromium[1];
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(URI.create(url), new Listener(self)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            self[0] = new HeadlessChromium(p, ws);
            return self[0];
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            p.destroyForcibly();
            throw new IOException("cannot drive " + binary() + " (log: " + profile.resolve("chromium.log") + "): "
                    + e.getMessage(), e);
        }
    }

    /** Opens {@code url} and waits until the document and all its images have loaded (or failed). */
    void open(URI url) throws IOException, InterruptedException {
        ObjectNode params = JSON.createObjectNode().put("url", url.toString());
        JsonNode nav = call("Page.navigate", params);
        if (nav.has("errorText")) {
            throw new IOException("Chromium cannot open " + url + ": " + nav.get("errorText").asText());
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!"complete".equals(evaluate("document.readyState").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IOException(url + " did not finish loading in " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    /** The value of a JavaScript expression (a promise is awaited) in the open page. */
    JsonNode evaluate(String expression) throws IOException, InterruptedException {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode r = call("Runtime.evaluate", params);
        if (r.has("exceptionDetails")) {
            throw new IOException("JavaScript failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    private JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).join();
        try {
            JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IOException(method + " failed: " + r.get("error"));
            }
            return r.path("result");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + " got no answer from Chromium: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The DevTools port Chromium writes into its profile once it listens. */
    private static int port(Path file, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            if (!p.isAlive()) {
                throw new IOException("Chromium exited with code " + p.exitValue() + " before listening");
            }
            Thread.sleep(50);
        }
        throw new IOException("Chromium wrote no " + file + " within " + TIMEOUT);
    }

    /** Collects each text message and completes the call with its id; events are ignored. */
    private static final class Listener implements WebSocket.Listener {

        private final HeadlessChromium[] owner;
        private final StringBuilder text = new StringBuilder();

        Listener(HeadlessChromium[] owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id") && owner[0] != null) {
                        CompletableFuture<JsonNode> f = owner[0].pending.get(message.get("id").asInt());
                        if (f != null) {
                            f.complete(message);
                        }
                    }
                } catch (IOException e) {
                    if (owner[0] != null) {
                        owner[0].pending.values().forEach(f -> f.completeExceptionally(e));
                    }
                } finally {
                    text.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
