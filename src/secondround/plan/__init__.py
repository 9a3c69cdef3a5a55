"""The plan and the calendar: dated steps, catching up, public holidays and the .ics file."""
