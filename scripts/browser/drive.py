"""Drive Debian's Chromium through the demo authority as every role.

For each role: sign in, open the main pages, save a screenshot of each into the screenshots folder,
and fail on any console error, any page without its heading, or any child-level link shown to a
role that must see aggregates only. Prints one line per page and exits non-zero on the first
set of failures.
"""
import json
import sys
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, PASSWORD, OUT = sys.argv[1], sys.argv[2], sys.argv[3]

ROLES = ["director", "manager", "worker", "iro", "auditor", "analyst", "board", "inspector", "lado"]
# Roles that may read the access log; for the others the page is a 403, which Chromium logs as a
# failed resource load: expected, not a page error.
LOG_READERS = {"director", "auditor"}


def wait_for(driver, text):
    try:
        WebDriverWait(driver, 15).until(lambda d: text in d.page_source)
        return True
    except Exception:
        return False
PAGES = ["/", "/measures", "/measures/CIN-06", "/caseload/weekly", "/admin/access-log", "/data", "/plans", "/trackers/lado", "/trackers/notifications"]


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main():
    failures = []
    for role in ROLES:
        driver = browser()
        try:
            driver.get(BASE + "/login")
            driver.find_element(By.ID, "username").send_keys(role)
            driver.find_element(By.ID, "password").send_keys(PASSWORD)
            driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            if not wait_for(driver, "signed in as"):
                heading = driver.find_elements(By.TAG_NAME, "h1")
                failures.append(f"{role}: sign-in failed at {driver.current_url} ({heading[0].text if heading else 'no heading'})")
                continue
            pages = list(PAGES)
            if role == "inspector":
                pages += ["/inspection/lists", "/inspection/lists/3"]
            if role in ("director", "analyst"):
                pages += ["/imports"]
            pages += ["/plans/ofsted-2022", "/plans/ofsted-2022/actions/1.1"]
            if role not in ("board", "iro"):
                pages += ["/audits"]
            team = driver.find_elements(By.LINK_TEXT, "My team")
            if team:
                pages.append(team[0].get_attribute("href").replace(BASE, ""))
            # A child the role may open: the first linked from CIN-06's explanation.
            driver.get(BASE + "/measures/CIN-06")
            links = driver.find_elements(By.CSS_SELECTOR, "a[href^='/children/']")
            if links:
                pages.append(links[0].get_attribute("href").replace(BASE, ""))
            if role == "lado":
                # The LADO officer alone opens allegations: the oldest open one and a measure's explanation.
                driver.get(BASE + "/trackers/lado")
                allegations = driver.find_elements(By.CSS_SELECTOR, "a[href^='/trackers/lado/LADO-']")
                if allegations:
                    pages.append(allegations[0].get_attribute("href").replace(BASE, ""))
                else:
                    failures.append("lado: no open allegation listed on /trackers/lado")
                pages.append("/trackers/lado/measures/LADO-03")
            for page in pages:
                driver.get(BASE + page)
                heading = driver.find_elements(By.TAG_NAME, "h1")
                name = page.strip("/").replace("/", "-").replace("?", "-") or "dashboard"
                driver.save_screenshot(f"{OUT}/{role}-{name}.png")
                errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
                if page == "/admin/access-log" and role not in LOG_READERS:
                    refused = "status of 403" in json.dumps(errors)
                    errors = [e for e in errors if "status of 403" not in e["message"]]
                    if not refused:
                        failures.append(f"{role} {page}: the access log was not refused")
                line = f"{role:10} {page:40} h1={heading[0].text if heading else '-'!r}"
                print(line)
                if not heading:
                    failures.append(f"{role} {page}: no <h1>")
                if errors:
                    failures.append(f"{role} {page}: console errors {json.dumps(errors)}")
                if role == "board" and "/children/" in driver.page_source:
                    failures.append(f"board {page}: a child-level link is shown to a board member")
            # Sign out through the form, as a person would.
            driver.get(BASE + "/")
            driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
            if not wait_for(driver, "<h1>Sign in</h1>"):
                failures.append(f"{role}: sign-out did not return to the sign-in page")
        finally:
            driver.quit()
    if failures:
        print("\n".join(["FAILED:"] + failures))
        sys.exit(1)
    print(f"browser test passed: {len(ROLES)} roles, screenshots in {OUT}")


if __name__ == "__main__":
    main()
