"""The sentences of the thank-you notes, six ways each, so no two people get the same letter.

Each table holds six variants per tone; the person at position i of the panel gets variant
i. Templates carry no closing period (the builder adds it, once, after a typed "Inc.") and
name their slots in braces: {when} " on Thursday, March 5," or ""; {day} " on March 5";
{pos}, {role}, {opening} "the Analyst position/role/opening"; {role_of} "the role of
Analyst"; {at} " at Acme"; {with_co} " with Acme"; {co} "Acme" or "the team"; {me} the
reader's name; {topic}; {quals}; {qual}.

Rules the tables keep, checked by tests/unit/test_variety.py: two variants of a slot share
no run of eight words; a card sentence never starts with a word an email sentence starts
with, and the words just before a typed slot differ between the card and the email, so a
card never repeats six words of its email around what the reader typed.
"""

from __future__ import annotations

from typing import Final

__all__ = ["CARD", "EMAIL", "Table"]

Table = dict[str, tuple[str, ...]]

EMAIL: Final[dict[str, Table]] = {
    "formal": {
        "thanks": (
            "Thank you for taking the time to meet with me{when} during the second round of "
            "interviews for {pos}{at}",
            "I am grateful for the time you gave me{when} in my second interview for {role}{at}",
            "Thank you for our conversation{when} as part of the final interviews for "
            "{opening}{at}",
            "Many thanks for meeting with me{when} to discuss {pos}{at} in more depth",
            "I appreciated the chance to speak with you{when} at my second-round interview for "
            "{role}{at}",
            "Thank you for welcoming me{when} to the second stage of interviews for {opening}{at}",
        ),
        "name": (
            "I am {me}, and I valued the chance to learn more about the work ahead",
            "My name is {me}, and our meeting confirmed my interest in the role",
            "This is {me}, and I left our meeting with a much clearer sense of your priorities",
            "This note comes from {me}, and I found our discussion both candid and useful",
            "To put a name to the conversation, I am {me}, and I enjoyed every part of it",
            "Writing as {me}, I want to say how much I appreciated your openness",
        ),
        "topic": (
            "I particularly appreciated one part of our discussion: {topic}",
            "One subject we covered has stayed with me since: {topic}",
            "I have continued to reflect on something we talked through: {topic}",
            "Our exchange on one question was especially valuable to me: {topic}",
            "The part of our conversation I found most useful was this: {topic}",
            "I was especially glad we had time for one subject: {topic}",
        ),
        "quals": (
            "Here is what I would bring from the start: {quals}",
            "From the first day, I could offer the team the following: {quals}",
            "I believe my background suits the position well: {quals}",
            "I would approach the work with a solid foundation: {quals}",
            "I could add value quickly, drawing on my strengths: {quals}",
            "My experience fits the role closely, in particular: {quals}",
        ),
        "hiring_manager": (
            "Our conversation strengthened my interest in joining {co}, and I would be glad to "
            "send any further information that could help with your decision",
            "I would very much like to join your team, and I am happy to provide references or "
            "work samples if they are useful",
            "The meeting confirmed my enthusiasm for the role, and I remain at your disposal for "
            "anything else you need",
            "Everything I heard has made me more eager to take on this work with you, and I can "
            "supply further details on request",
            "Each part of the day reinforced my wish to be part of {co}; please let me know if I "
            "can provide anything more",
            "It would be a privilege to contribute to your team, and I will gladly answer any "
            "remaining questions",
        ),
        "panel": (
            "It would be a pleasure to work alongside you, and I would be glad to answer any "
            "further questions you may have",
            "I would welcome the chance to collaborate with you on this work, should the "
            "decision go my way",
            "Meeting you made the prospect of joining the team even more appealing",
            "I look forward to the possibility of working together, and I am happy to follow up "
            "on anything we did not have time to cover",
            "Your perspective on the team's work made me all the more keen to join it",
            "After our talk, I hope to become your colleague, and I will gladly share any "
            "additional information you need",
        ),
        "recruiter": (
            "Thank you as well for arranging the interviews and for keeping me so well "
            "informed throughout the process",
            "I am also grateful for how smoothly you organized the day, from the schedule to "
            "the introductions",
            "Your clear communication at every stage made the process easy to follow",
            "Thank you, too, for coordinating everything behind the scenes and answering my "
            "questions so promptly",
            "I valued your help in preparing me for each conversation, and the care you took "
            "with the arrangements",
            "Please accept my thanks as well for organizing the visit and guiding me through "
            "each step",
        ),
        "close": (
            "Thank you again for your time and consideration; I look forward to hearing from "
            "you about the next steps",
            "With thanks once more, I look forward to your news",
            "I appreciate your consideration and hope to hear from you soon",
            "Thank you once again, and I look forward to the next stage of the process",
            "Many thanks for your time; I hope to have news from you before long",
            "Thank you for considering my application so carefully; I hope we will speak again "
            "soon",
        ),
        "extra": (
            "It was encouraging to see how much thought the team puts into its work",
            "The interview gave me a far better picture of the challenges ahead and of how I "
            "could help meet them",
            "I came away with a strong sense of the standards your organization sets",
            "Hearing about the priorities for the coming year was particularly helpful",
            "The discussion made clear how much the role matters to the wider organization",
            "I especially valued your candor about what the first months in the role would involve",
        ),
        "extra2": (
            "Please do not hesitate to contact me if it would help to discuss any part of my "
            "experience further",
            "If any question about my application remains open, I will be happy to address it "
            "by phone or email",
            "I would also be pleased to provide references from recent employers whenever "
            "convenient",
            "If a further conversation with other members of the team would help, I can make "
            "myself available at short notice",
            "Any documents you might need from me, such as certificates or work samples, can be "
            "sent the same day",
            "Do let me know whether anything else about my background would be useful to you",
        ),
        "extra3": (
            "I have come away from the process with great respect for the way your organization "
            "approaches hiring",
            "The chance to see the workplace and meet the people behind it made the role feel "
            "very real to me",
            "Everything I learned during the day added to my conviction that this is the right "
            "next step in my career",
            "It was clear from our conversation that the team values both high standards and "
            "good collaboration",
            "I appreciated the care that went into making the interview a genuine exchange "
            "rather than a formality",
            "Watching the work up close has only deepened my interest in contributing to it over "
            "the years ahead",
        ),
    },
    "relaxed": {
        "thanks": (
            "Thanks so much for sitting down with me{when} to talk about {role}{at}",
            "Thank you for the great conversation{when} about {opening}{at}",
            "It was really good to meet you{when} for my second interview for {role}{at}",
            "Thanks for making time for me{when} during the second round for {pos}{at}",
            "I really enjoyed our chat{when} about {role}{at}",
            "Thanks a lot for meeting with me{when} as part of the final round for {opening}{at}",
        ),
        "name": (
            "This is {me}, and I really enjoyed comparing notes with you",
            "{me} here, and I'm still thinking about what you said",
            "It's {me} here, and I came away from our talk full of ideas",
            "I'm {me}, and I left our conversation genuinely excited",
            "A quick note from {me}: I've been thinking about our talk ever since",
            "Writing as {me}, I want to say what a pleasure it was to get to know you a bit",
        ),
        "topic": (
            "I especially liked one part of our conversation: {topic}",
            "One thing we talked about has really stuck with me: {topic}",
            "I keep coming back to something we covered: {topic}",
            "My favorite part of the conversation was this: {topic}",
            "I was really glad we got into one topic: {topic}",
            "Something we discussed has been on my mind since: {topic}",
        ),
        "quals": (
            "I came away sure I could jump right in and help, and here's what I'd bring: {quals}",
            "I think I'd be a strong fit, and here's why: {quals}",
            "I'd love to put my experience to work for the team: {quals}",
            "Right from the start, I could offer the team a lot: {quals}",
            "I'm sure I could make a difference quickly, thanks to my background: {quals}",
            "What I'd bring fits the role really well, especially: {quals}",
        ),
        "hiring_manager": (
            "I'm still really keen on the role, so if there's anything else you need from me, "
            "just say the word",
            "I'd love to join your team, and I'm happy to send over anything that would help",
            "Our chat made me even more excited about the job, so just let me know if you need "
            "anything else",
            "I'm really hoping to get the chance to work with you, and I'm glad to answer any "
            "other questions",
            "Count me as very interested, and feel free to reach out if anything else comes up",
            "The whole day made me want the job even more, and I'm around if you need anything "
            "from me",
        ),
        "panel": (
            "It would be great to work alongside you, and I'd be happy to pick up any questions "
            "we didn't get to",
            "I'd really enjoy working with you, and I hope I get the chance",
            "Meeting you made me even keener to join the team",
            "I left hoping we'll end up working together",
            "It was great to get a feel for the team through you, and I'd love to be part of it",
            "I'd be thrilled to be your colleague, and I'm happy to share anything else you'd "
            "find useful",
        ),
        "recruiter": (
            "And thanks for setting everything up and keeping me in the loop along the way",
            "I also really appreciated how smoothly you organized the whole day",
            "Thanks, too, for all the clear updates; they made the process easy",
            "Thank you as well for handling the scheduling and answering all my questions so "
            "quickly",
            "I'm grateful for your help getting me ready for each conversation",
            "And a big thank-you for arranging the visit and walking me through each step",
        ),
        "close": (
            "Thanks again for your time; I'm looking forward to hearing about next steps",
            "Thanks again, and I hope to hear from you soon",
            "I'm looking forward to hearing how things go from here",
            "Thanks once more, and I hope we talk again soon",
            "Thanks for a great conversation, and I'll look forward to your news",
            "Many thanks again, and have a great rest of the week",
        ),
        "extra": (
            "It was great to see how much the team cares about getting things right",
            "I came away with a much clearer picture of what the role involves day to day",
            "Hearing about your plans for the year really got me thinking",
            "I loved getting a feel for how the team works together",
            "It was really helpful to hear what the first few months would look like",
            "The whole conversation gave me a great sense of the team's energy",
        ),
        "extra2": (
            "If it would help to talk through anything on my résumé, just let me know and I'll "
            "make the time",
            "If any questions come up about my background, I'm happy to jump on a quick call",
            "I can also send references or examples of my work whenever they'd be useful",
            "If meeting anyone else on the team would help, I can be flexible with my schedule",
            "Anything you need from me, such as certificates or samples, I can send over the "
            "same day",
            "Do shout if anything else about my experience would help with your decision",
        ),
        "extra3": (
            "Honestly, it was one of the most enjoyable interviews I've had, and it left me "
            "really wanting to be part of the team",
            "Visiting the place and meeting everyone made the whole role feel a lot more "
            "real to me",
            "Everything I heard during the day made me feel even more sure this is the right "
            "next move for me",
            "It was easy to see how much people on the team enjoy working together, which "
            "means a lot to me",
            "I appreciated how relaxed and open the whole conversation felt from start to finish",
            "Watching the work up close made me even more excited about what I could add over "
            "the next few years",
        ),
    },
}

# The card: the same facts in fresh words, three or four sentences. Its sentences open with
# words no email sentence opens with (so the words after a typed slot differ from the email's).
CARD: Final[dict[str, Table]] = {
    "formal": {
        "thanks": (
            "Please accept my sincere thanks for our conversation{day} about {role_of}{with_co}",
            "Kind thanks for speaking with me{day} about the {job_opening}{with_co}",
            "Having met you{day}, I wanted to thank you in writing for our discussion of "
            "{role_of}{with_co}",
            "Warm thanks for your time{day} and for our talk about the {job_opening}{with_co}",
            "Knowing how busy the interview days are, I am all the more grateful for our "
            "meeting{day} about {role_of}{with_co}",
            "Sincere thanks for receiving me{day} to talk about the {job_opening}{with_co}",
        ),
        "topic": (
            "Above all, I enjoyed learning about {topic_np}",
            "Most of all, I valued hearing about {topic_np}",
            "Best of all was your account of {topic_np}",
            "Along the way, I learned a great deal about {topic_np}",
            "Not least, it was a pleasure to go over {topic_np}",
            "Above everything else, I appreciated our exchange about {topic_np}",
        ),
        "topic_clause": (
            "Above all, one moment stays with me, when {topic}",
            "Most of all, I remember the point where {topic}",
            "Best of all was the moment when {topic}",
            "Along the way, I noted with interest that {topic}",
            "Not least, I was glad that {topic}",
            "Above everything else, I recall that {topic}",
        ),
        "no_topic": (
            "Seeing how the team works made me certain that I want to join it",
            "Learning about the team's goals was the highlight of the day for me",
            "Getting a closer look at the team's work left a lasting impression",
            "Discussing the role in such depth gave me real confidence in the fit",
            "Finding out how the team plans its year made the opportunity even more appealing",
            "Talking with you made the work ahead feel concrete and worthwhile",
        ),
        "qual": (
            "Should I join the team, I would be glad to draw on {qual}",
            "Bringing {qual}, I would be ready to help from the outset",
            "Armed with {qual}, I feel well placed to contribute",
            "Should the decision go my way, I would bring {qual}",
            "Beyond that, I believe the team would benefit from {qual}",
            "Given the chance, I would put {qual} to good use for you",
        ),
        "qual_clause": (
            "Should it help your decision, {qual}",
            "Notably, {qual}",
            "Should it be useful to recall, {qual}",
            "Speaking of fit, {qual}",
            "Beyond that, {qual}",
            "On a practical note, {qual}",
        ),
        "hiring_manager": (
            "Joining your team would be a genuine pleasure",
            "Working for you is an opportunity I would embrace",
            "Contributing to your plans would mean a great deal to me",
            "Becoming part of your team is something I very much hope for",
            "Being part of what you are building would be a privilege",
            "Taking on this work under your leadership would be an honor",
        ),
        "panel": (
            "Working alongside you would be a real pleasure",
            "Collaborating with you would be something to look forward to",
            "Sharing the work with you and your colleagues would suit me well",
            "Becoming your colleague is a prospect I would welcome",
            "Learning from you every day would be a pleasure",
            "Joining you on the team would be a welcome next step",
        ),
        "recruiter": (
            "Owing to your care with every arrangement, the day ran smoothly",
            "Organizing such a full schedule so calmly is no small task",
            "Keeping me informed at each stage made all the difference",
            "Guiding me through the process as you did was a great help",
            "Arranging each conversation with such care made me feel welcome",
            "Smoothing the way at every step, you made the process a pleasure",
        ),
    },
    "relaxed": {
        "thanks": (
            "Just a note to say thanks for our chat{day} about {role_of}{with_co}",
            "Big thanks for talking with me{day} about the {job_opening}{with_co}",
            "Having met you{day}, I wanted to say thanks properly for our talk about "
            "{role_of}{with_co}",
            "Many thanks for your time{day} and the conversation about the {job_opening}{with_co}",
            "Knowing how packed interview days are, I'm extra grateful for our chat{day} about "
            "{role_of}{with_co}",
            "Huge thanks for having me{day} to talk about the {job_opening}{with_co}",
        ),
        "topic": (
            "Above all, I loved hearing about {topic_np}",
            "Most of all, I enjoyed talking through {topic_np}",
            "Best of all was hearing about {topic_np}",
            "Along the way, I picked up a lot about {topic_np}",
            "Not least, it was fun to dig into {topic_np}",
            "Above everything else, I liked our back-and-forth about {topic_np}",
        ),
        "topic_clause": (
            "Above all, I loved the moment when {topic}",
            "Most of all, I remember when {topic}",
            "Best of all was when {topic}",
            "Along the way, it was great to hear that {topic}",
            "Not least, I was glad that {topic}",
            "Above everything else, I liked that {topic}",
        ),
        "no_topic": (
            "Seeing how the team works made me sure I'd love to be part of it",
            "Learning about the team's plans was the best part of my day",
            "Getting a real feel for the team left me excited",
            "Digging into the role with you made it feel like a great fit",
            "Finding out how the team works together made me even keener",
            "Talking with you made the job feel real and exciting",
        ),
        "qual": (
            "Should I join, I'd be thrilled to make good use of {qual}",
            "Bringing {qual}, I'd be ready to pitch in right away",
            "Armed with {qual}, I feel ready to jump in",
            "Should it work out, I'd bring you {qual}",
            "Beyond that, I think the team could use {qual}",
            "Given the chance, I'd put {qual} to work for you",
        ),
        "qual_clause": (
            "Should it help, {qual}",
            "On top of that, {qual}",
            "Should it be handy to remember, {qual}",
            "Speaking of fit, {qual}",
            "Beyond that, {qual}",
            "On a practical note, {qual}",
        ),
        "hiring_manager": (
            "Joining your team would be amazing",
            "Working with you would be a great next step for me",
            "Helping with your plans would be a lot of fun",
            "Becoming part of the team is something I'd love",
            "Being part of what you're building would be great",
            "Taking this on with you would be exciting",
        ),
        "panel": (
            "Working alongside you would be great",
            "Collaborating with you would be a lot of fun",
            "Sharing the work with you would suit me well",
            "Becoming teammates would be great",
            "Learning from you every day would be a treat",
            "Joining you on the team would be awesome",
        ),
        "recruiter": (
            "Owing to your help with every arrangement, the day felt easy",
            "Organizing such a full day is no small thing, so thank you",
            "Keeping me posted at each step made a real difference",
            "Guiding me through it all like you did was a big help",
            "Arranging every chat so well made me feel welcome",
            "Smoothing the way at every step, you made it all a pleasure",
        ),
    },
}
