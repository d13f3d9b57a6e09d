package org.paramprediction.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every report as a user sees it: each committed {@code docs/results/**}{@code /index.html} and one
 * report written by this test, opened in headless Chromium; every image must load
 * ({@code naturalWidth > 0}) and every link must resolve (a local file that exists, or an anchor of
 * the page). Without Chromium the test fails, naming the package to install ({@code .ci/run}
 * installs it), unless the environment variable {@value #NO_BROWSER} is set to say that this machine
 * has no browser: then it is skipped with that message.
 */
class ReportInBrowserTest {

    static final String NO_BROWSER = "PARAMPREDICTION_NO_BROWSER";
    private static final Path DOCS_RESULTS = Path.of("../docs/results");

    /** Waits for every image to finish (load or error), then lists images and links as JSON. */
    private static final String INSPECT = """
            (async () => {
              await Promise.all([...document.images].map(i => i.complete ? null
                  : new Promise(r => { i.onload = r; i.onerror = r; })));
              const page = location.href.split('#')[0];
              return JSON.stringify({
                title: document.title,
                images: [...document.images].map(i => ({src: i.getAttribute('src'), url: i.src,
                    naturalWidth: i.naturalWidth})),
                links: [...document.querySelectorAll('a[href]')].map(a => ({href: a.getAttribute('href'),
                    url: a.href.split('#')[0], samePage: a.href.split('#')[0] === page,
                    anchor: a.hash ? document.getElementById(decodeURIComponent(a.hash.slice(1))) !== null : true}))
              });
            })()
            """;

    private static HeadlessChromium browser;
    private static Path profile;

    @TestFactory
    Stream<DynamicTest> everyImageLoadsAndEveryLinkResolves() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DOCS_RESULTS)) {
            files.filter(p -> p.getFileName().toString().equals("index.html")).sorted().forEach(pages::add);
        }
        assertTrue(pages.size() >= 4, "committed reports under " + DOCS_RESULTS.toAbsolutePath() + ": " + pages);
        pages.add(ManyMethodsSweep.report().resolve("index.html"));
        return pages.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> check(p)));
    }

    private static void check(Path page) throws Exception {
        JsonNode seen = inspect(page.toAbsolutePath().normalize());
        assertTrue(seen.get("title").asText().startsWith("Sweep "), page + " has its title: " + seen.get("title"));
        JsonNode images = seen.get("images");
        assertTrue(images.size() > 0, page + " shows images");
        List<String> broken = new ArrayList<>();
        for (JsonNode img : images) {
            if (img.get("naturalWidth").asInt() <= 0) {
                broken.add(img.get("src").asText());
            }
        }
        assertEquals(List.of(), broken, page + ": images the browser could not load");
        List<String> dangling = new ArrayList<>();
        int local = 0;
        for (JsonNode link : seen.get("links")) {
            URI url = URI.create(link.get("url").asText());
            if (!"file".equals(url.getScheme())) {
                continue; // not a local link
            }
            local++;
            boolean ok = link.get("samePage").asBoolean() ? link.get("anchor").asBoolean()
                    : Files.exists(Path.of(url));
            if (!ok) {
                dangling.add(link.get("href").asText());
            }
        }
        assertTrue(local > 0, page + " has local links");
        assertEquals(List.of(), dangling, page + ": links that do not resolve");
    }

    private static synchronized JsonNode inspect(Path page) throws Exception {
        if (browser == null) {
            Path binary = HeadlessChromium.binary();
            if (!Files.isExecutable(binary)) {
                String noBrowser = System.getenv(NO_BROWSER);
                Assumptions.assumeTrue(noBrowser == null || noBrowser.isBlank(), "skipped: " + NO_BROWSER + "="
                        + noBrowser + " says this machine has no browser");
                fail("no Chromium at " + binary + ": install the Debian package chromium (.ci/run does), name "
                        + "another binary with CHROMIUM=..., or set " + NO_BROWSER + "=1 to skip this test");
            }
            profile = Files.createTempDirectory("chromium-profile");
            browser = HeadlessChromium.start(profile);
        }
        browser.open(page.toUri());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(browser.evaluate(INSPECT).asText());
    }

    @AfterAll
    static void closeBrowser() throws InterruptedException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (profile != null) {
            ReportFixture.deleteTree(profile);
        }
    }
}
