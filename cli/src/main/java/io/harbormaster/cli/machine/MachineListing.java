package io.harbormaster.cli.machine;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads machines from {@code GET /api/machines}: one page, or all of them.
 *
 * <p>All of them: the first page (of the largest size the server allows, {@value #FULL_PAGE}) tells the total; the
 * other pages are then asked for {@value #PARALLEL_PAGES} at a time and put back in order. 10,000 machines are 20
 * requests, about 5 round trips, instead of 100 requests one after another. Pages are offsets into a list that can
 * change meanwhile, so a machine that moves from one page to the next is listed once (by id), and one created or
 * removed during the listing may be missing or extra, as with any paged listing.
 */
final class MachineListing {

    static final String PATH = "/api/machines";
    static final int FULL_PAGE = PageRequest.MAX_SIZE;
    static final int PARALLEL_PAGES = 4;

    // A server that keeps claiming more must not keep the client looping forever.
    private static final int MAX_PAGES = 10_000;

    private MachineListing() {
    }

    /** The machines list and how long the answer took, for ls's RESPONSE column. */
    record Listing(List<MachineListItem> machines, long total, Duration responseTime) {
    }

    /** Page 0 of {@code size} machines. */
    static Listing firstPage(HarbormasterClient client, Map<String, String> filters, int size, Duration timeout) {
        long started = System.nanoTime();
        var page = page(client, filters, 0, size, timeout);
        return new Listing(page.items(), page.total(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Every machine that matches {@code filters}, in the server's order. */
    static Listing all(HarbormasterClient client, Map<String, String> filters, Duration timeout) {
        long started = System.nanoTime();
        var first = page(client, filters, 0, FULL_PAGE, timeout);
        var machines = new LinkedHashMap<String, MachineListItem>();
        first.items().forEach(machine -> machines.putIfAbsent(machine.id().value(), machine));
        if (!first.items().isEmpty() && first.total() > first.items().size()) {
            // a server that pages by less than asked says so in "size"; page numbers count in its pages then
            int size = first.size() > 0 && first.size() < FULL_PAGE ? first.size() : FULL_PAGE;
            int pages = (int) Math.min(MAX_PAGES, (first.total() + size - 1) / size);
            var executor = Executors.newVirtualThreadPerTaskExecutor();
            var permits = new Semaphore(PARALLEL_PAGES);
            try {
                var futures = new ArrayList<Future<MachineListPage>>();
                for (int number = 1; number < pages; number++) {
                    int pageNumber = number;
                    futures.add(executor.submit(() -> {
                        permits.acquire();
                        try {
                            return fetch(client, filters, pageNumber, size);
                        } finally {
                            permits.release();
                        }
                    }));
                }
                for (var future : futures) {
                    var page = await(future, client, timeout.multipliedBy(1 + futures.size() / PARALLEL_PAGES));
                    page.items().forEach(machine -> machines.putIfAbsent(machine.id().value(), machine));
                }
            } finally {
                executor.shutdownNow();
            }
        }
        return new Listing(List.copyOf(machines.values()), first.total(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static MachineListPage page(HarbormasterClient client, Map<String, String> filters, int page, int size,
                                        Duration timeout) {
        return TimeLimit.within(timeout, noAnswer(client, timeout), () -> fetch(client, filters, page, size));
    }

    private static MachineListPage fetch(HarbormasterClient client, Map<String, String> filters, int page, int size) {
        var query = new LinkedHashMap<>(filters);
        query.put("page", Integer.toString(page));
        query.put("size", Integer.toString(size));
        return client.get(PATH, query, MachineListPage.class);
    }

    private static MachineListPage await(Future<MachineListPage> future, HarbormasterClient client,
                                         Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HmException(noAnswer(client, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HmException("Interrupted", 130);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String noAnswer(HarbormasterClient client, Duration timeout) {
        return "No answer from Harbormaster at " + client.server() + " within " + timeout.toSeconds()
                + " s; try again, or wait longer with --timeout SECONDS";
    }
}
