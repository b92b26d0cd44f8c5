/* Calendar builder: turns each form.kb-calendar-builder into a downloadable iCalendar (.ics) file.
   Plain ES5 script, no dependencies, nothing fetched: it works offline and from a copy opened from disk. */
(function () {
  "use strict";

  var TZID = "Asia/Ho_Chi_Minh";
  var DAY_MS = 86400000;
  var MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

  var MESSAGES = {
    vi: {
      date: function (d) { return pad(d.getUTCDate(), 2) + "/" + pad(d.getUTCMonth() + 1, 2) + "/" + d.getUTCFullYear(); },
      every: function (n) { return n + " tháng 1 lần"; },
      done: function (every, from, to) { return "Đã tạo tệp lịch: " + every + ", từ " + from + " đến " + to + "."; },
      lateDay: function (day) { return " Lưu ý: tháng nào không có ngày " + day + " thì có thể không có lịch họp; nên chọn ngày từ 1 đến 28."; },
      noBody: "Hãy chọn cơ quan, cuộc họp.",
      noStart: "Hãy chọn ngày họp đầu tiên.",
      noUntil: "Hãy chọn ngày kết thúc lặp lại.",
      order: "Ngày họp đầu tiên không được sau ngày kết thúc lặp lại. Không tạo tệp lịch."
    },
    en: {
      date: function (d) { return d.getUTCDate() + " " + MONTHS_EN[d.getUTCMonth()] + " " + d.getUTCFullYear(); },
      every: function (n) { return n === 1 ? "every month" : "every " + n + " months"; },
      done: function (every, from, to) { return "Calendar file created: " + every + ", from " + from + " to " + to + "."; },
      lateDay: function (day) { return " Note: months without a day " + day + " may get no meeting; a day from 1 to 28 avoids this."; },
      noBody: "Choose a body or meeting.",
      noStart: "Choose the date of the first meeting.",
      noUntil: "Choose the date to repeat until.",
      order: "The first meeting cannot be after the repeat-until date. No calendar file was created."
    }
  };

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) text = "0" + text;
    return text;
  }

  // "YYYY-MM-DD" -> Date at UTC midnight, or null. Parsed by hand and read back with getUTC*, so the
  // reader's time zone can never shift a day (new Date("YYYY-MM-DD") and local getters can).
  function parseDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    if (!match) return null;
    var year = +match[1], month = +match[2] - 1, day = +match[3];
    var date = new Date(Date.UTC(year, month, day));
    date.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
    // Date.UTC rolls 31 February over into March: a date that does not read back unchanged does not exist.
    var exists = date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day;
    return exists ? date : null;
  }

  function icsDate(date) {
    return pad(date.getUTCFullYear(), 4) + pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCDate(), 2);
  }

  function icsStamp(date) {
    return icsDate(date) + "T" + pad(date.getUTCHours(), 2) + pad(date.getUTCMinutes(), 2) +
      pad(date.getUTCSeconds(), 2) + "Z";
  }

  // RFC 5545 §3.3.11 TEXT; control characters other than tab are not allowed at all.
  function escapeText(value) {
    return String(value == null ? "" : value)
      .replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
  }

  // RFC 5545 §3.1: at most 75 octets a line, CRLF excluded. Vietnamese letters take 2-3 octets in UTF-8,
  // so we count bytes, and keep surrogate pairs together so no character is ever cut in half.
  function fold(line) {
    var out = [], current = "", bytes = 0;
    for (var i = 0; i < line.length; i++) {
      var ch = line.charAt(i), code = line.charCodeAt(i), size;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
        ch += line.charAt(++i);
        size = 4;
      } else {
        size = code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
      }
      if (bytes + size > 75) {
        out.push(current);
        current = " "; // the continuation's leading space counts towards its 75 octets
        bytes = 1;
      }
      current += ch;
      bytes += size;
    }
    out.push(current);
    return out.join("\r\n");
  }

  // options: {uid, title, description, url, start, until, intervalMonths, prodid, now}; start/until are
  // "YYYY-MM-DD", uid is the option's value (the event UID adds the start date, so it is stable across downloads).
  function build(options) {
    var start = parseDate(options.start), until = parseDate(options.until);
    var interval = parseInt(options.intervalMonths, 10);
    if (!start || !until) throw new Error("kbCalendar.build: start and until must be YYYY-MM-DD dates");
    if (!(interval >= 1)) throw new Error("kbCalendar.build: intervalMonths must be a whole number of months");
    var details = [options.description, options.url].filter(Boolean).join("\n");
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:" + escapeText(options.prodid),
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:" + escapeText(options.title),
      "X-WR-TIMEZONE:" + TZID,
      "BEGIN:VTIMEZONE",
      "TZID:" + TZID,
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      "TZOFFSETFROM:+0700",
      "TZOFFSETTO:+0700",
      "TZNAME:+07",
      "END:STANDARD",
      "END:VTIMEZONE",
      "BEGIN:VEVENT",
      "UID:" + escapeText(options.uid + "-" + options.start + "@ctrph13"),
      "DTSTAMP:" + icsStamp(options.now || new Date()),
      // All-day: the programme fixes how often bodies meet, never the hour, so no time is invented.
      "DTSTART;VALUE=DATE:" + icsDate(start),
      "DTEND;VALUE=DATE:" + icsDate(new Date(start.getTime() + DAY_MS)),
      // UNTIL has DTSTART's value type (DATE) and is inclusive.
      "RRULE:FREQ=MONTHLY;INTERVAL=" + interval + ";UNTIL=" + icsDate(until),
      "SUMMARY:" + escapeText(options.title),
      "DESCRIPTION:" + escapeText(details)
    ];
    if (options.url) lines.push("URL:" + String(options.url).replace(/[\r\n]/g, ""));
    lines.push("TRANSP:TRANSPARENT", "END:VEVENT", "END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    // Some browsers read the blob only after click() returns; revoking at once can cancel the download.
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function onSubmit(event) {
    event.preventDefault();
    var form = event.currentTarget, fields = form.elements;
    var say = MESSAGES[form.getAttribute("data-lang")] || MESSAGES.vi;
    var status = form.querySelector(".kb-calendar-status");
    // Fields by name, not id: ids clash when a page carries several builders.
    var select = fields.namedItem("body"), startField = fields.namedItem("start"), untilField = fields.namedItem("until");
    var option = select.options[select.selectedIndex];
    var start = parseDate(startField.value);
    var untilValue = untilField.value || form.getAttribute("data-until");
    var until = parseDate(untilValue);
    var problem = !option || !option.value ? [say.noBody, select]
      : !start ? [say.noStart, startField]
      : !until ? [say.noUntil, untilField]
      : start > until ? [say.order, startField]
      : null;
    if (problem) {
      if (status) status.textContent = problem[0];
      problem[1].focus();
      return;
    }
    var interval = parseInt(option.getAttribute("data-interval"), 10);
    download(option.value + ".ics", build({
      uid: option.value,
      title: option.getAttribute("data-title") || option.text,
      description: option.getAttribute("data-description"),
      url: option.getAttribute("data-url"),
      start: startField.value,
      until: untilValue,
      intervalMonths: interval,
      prodid: form.getAttribute("data-prodid") || "-//ctrph13//calendar builder//VI",
      now: new Date()
    }));
    // RFC 5545 skips a month that lacks DTSTART's day (no 31 April), and calendar apps disagree on it.
    var note = start.getUTCDate() > 28 ? say.lateDay(start.getUTCDate()) : "";
    if (status) status.textContent = say.done(say.every(interval), say.date(start), say.date(until)) + note;
  }

  function init() {
    var forms = document.querySelectorAll("form.kb-calendar-builder");
    for (var i = 0; i < forms.length; i++) {
      // The browser's own "required" bubbles block submit silently for screen readers and cannot speak
      // the form's language; we check the fields ourselves and say what is wrong in the status line.
      forms[i].noValidate = true;
      // The form is served hidden, so readers without script never see a form that does nothing.
      forms[i].hidden = false;
      forms[i].addEventListener("submit", onSubmit);
    }
  }

  window.kbCalendar = { build: build };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
