// Today, as the reader's own device knows it: the site is built without a clock, so
// the same pages serve every day, and only here is "today" known. The pages carry their
// dates as data (data-date on a day or session, data-start and data-end on a week); this
// marks today's day and session, and turns the overview's calendar link into a link to
// today's session or this week.
(function () {
  "use strict";
  const pad = (number) => String(number).padStart(2, "0");
  const now = new Date();
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

  for (const element of document.querySelectorAll(`[data-date="${today}"]`)) {
    element.classList.add("today");
    const target = (element.matches("li") && element.querySelector("a")) || element;
    target.setAttribute("aria-current", "date");
    const heading = element.matches("section") ? element.querySelector("h2") : null;
    if (heading) {
      const badge = document.createElement("strong");
      badge.className = "tag now-tag";
      badge.textContent = "Today";
      heading.append(" ", badge);
    }
  }

  const jump = document.getElementById("now");
  if (!jump) return;
  const link = jump.querySelector("a");
  const weeks = [...document.querySelectorAll("li[data-start][data-end]")];
  const current = weeks.filter((w) => w.dataset.start <= today && today <= w.dataset.end).pop();
  if (current) {
    const session = current.querySelector(`li[data-date="${today}"] a`);
    const week = current.querySelector("h3 a");
    if (session) {
      link.href = session.getAttribute("href");
      link.textContent = `Today: ${session.dataset.name}`;
    } else {
      link.href = week.getAttribute("href");
      link.textContent = `This week: ${week.textContent}`;
    }
  } else if (today < jump.dataset.first && weeks.length) {
    link.href = weeks[0].dataset.href;
    link.textContent = `Starts ${jump.dataset.firstText}: week 1`;
  } else if (today > jump.dataset.last) {
    const done = document.createElement("span");
    done.textContent = `Finished ${jump.dataset.lastText}. `;
    jump.prepend(done);
  }
  jump.classList.add("dated");
})();
