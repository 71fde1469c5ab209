import QtQuick
import QtTest
import CloudDeck

// Text the header and details show (issue 12, items 8 and 16): counts with thousands separators,
// each price in its own currency with totals per currency, URLs that wrap whole, and "today"
// from the caller's clock.
TestCase {
    name: "Format"

    function test_countsHaveSeparators() {
        const text = Format.summary(10016, 2, { "USD": 306167 })
        verify(text.indexOf("10,016") >= 0, text)
        verify(text.indexOf("$306,167") >= 0, text)
    }
    function test_currenciesAreNeverAdded() {
        const text = Format.summary(3, 2, { "USD": 24, "EUR": 4.51 })
        verify(text.indexOf("$24") >= 0 && text.indexOf("€5") >= 0, text)
        verify(text.indexOf("$29") < 0, text)
        compare(Format.monthly(4.51, "EUR"), "€4.51/mo")
    }
    function test_noMatchSaysWhatIsHidden() {
        compare(Format.noMatch(10016, false), "None of 10,016 machines match")
        compare(Format.noMatch(1, false), "The one machine does not match")
        compare(Format.noMatch(40, true), "None of this account's machines match")
    }
    function test_urlsWrapWhole() {
        const text = Format.unbroken("https://api.example.com/v2")
        compare(text.replace(/\u2060/g, ""), "https://api.example.com/v2")
        verify(text.indexOf("/\u2060/\u2060") >= 0, escape(text))
    }
    function test_todayIsTheCallersDay() {
        const now = new Date(Date.UTC(2026, 2, 12, 15, 0, 0))
        const sameDay = new Date(Date.UTC(2026, 2, 12, 10, 42, 0))
        const earlier = new Date(Date.UTC(2026, 2, 10, 10, 42, 0))
        verify(Format.time(sameDay, now).indexOf("Mar") < 0, Format.time(sameDay, now))
        verify(Format.time(earlier, now).indexOf("Mar") >= 0, Format.time(earlier, now))
    }
}
